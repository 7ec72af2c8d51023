import { Type } from 'typebox'
import { errorResponses } from '../../../../types/common'
import { CalendarOverrideParams, CalendarOverrideRequest, CalendarYear, CalendarYearQuery } from '../../../../types/calendar'
import { assertDate } from '../../domain/calendar/dates'
import { badRequest, notFound } from '../../errors'
import { recordAudit } from '../../services/audit'
import type { RoutePlugin } from '../types'

function realDate(date: string): string {
  try {
    assertDate(date)
    return date
  } catch {
    throw badRequest('日期不存在，请检查年月日', 'date')
  }
}

/** The working-day calendar: anyone on staff may read it; only an admin changes it. */
const staffCalendar: RoutePlugin = async (app, { services }) => {
  const tags = ['staff']
  const security = [{ bearer: [] }]

  app.get(
    '/',
    {
      preHandler: app.requireStaff(),
      schema: { tags, security, summary: 'Holidays and adjusted working days of a year', querystring: CalendarYearQuery, response: { 200: CalendarYear, ...errorResponses } },
    },
    async (request) => services.calendar.year(request.query.year),
  )

  app.put(
    '/:date',
    {
      preHandler: app.requireStaff('admin'),
      schema: {
        tags,
        security,
        summary: 'Override one day (e.g. a local closure); deadlines use it from the next step on',
        params: CalendarOverrideParams,
        body: CalendarOverrideRequest,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const date = realDate(request.params.date)
      await services.calendar.override(date, request.body)
      await recordAudit(services.database.db, {
        staffId: request.staffMember.id,
        action: 'calendar.override',
        targetKind: 'calendar_day',
        targetId: date,
        detail: { kind: request.body.kind },
      })
      return reply.status(204).send(null)
    },
  )

  app.delete(
    '/:date',
    {
      preHandler: app.requireStaff('admin'),
      schema: { tags, security, summary: 'Remove an override', params: CalendarOverrideParams, response: { 204: Type.Null(), ...errorResponses } },
    },
    async (request, reply) => {
      const date = realDate(request.params.date)
      if (!(await services.calendar.removeOverride(date))) throw notFound('该日期没有人工调整记录')
      await recordAudit(services.database.db, {
        staffId: request.staffMember.id,
        action: 'calendar.removeOverride',
        targetKind: 'calendar_day',
        targetId: date,
      })
      return reply.status(204).send(null)
    },
  )
}
export default staffCalendar
