import { Type } from 'typebox'
import { IdParams, errorResponses } from '../../../../types/common'
import {
  CallNextRequest,
  CallNextResult,
  CheckInRequest,
  HallClosureCreate,
  HallClosureList,
  HallClosureQuery,
  HallClosureResult,
  SlotTemplateChange,
  SlotTemplateCreate,
  SlotTemplateCreated,
  SlotTemplateList,
  SlotTemplateQuery,
  SlotTemplateUpdate,
  StaffAppointment,
  StaffDayQuery,
  StaffDayView,
} from '../../../../types/appointments'
import { readAudit } from '../../services/auditReads'
import type { RoutePlugin } from '../types'

/**
 * The hall desk and appointment settings. Window staff and leads act on their
 * department's bookings; leads also keep their department's slot templates;
 * admins everything, and only admins close a hall.
 */
const staffAppointments: RoutePlugin = async (app, { services }) => {
  const tags = ['staff']
  const security = [{ bearer: [] }]
  const desk = services.appointmentDesk
  const admin = services.slotAdmin
  // Every answer showing a booking (masked name, ID number, phone) is recorded before it is served.
  const audit = readAudit(services.database.db)
  const shown = (staff: { id: string }, a: StaffAppointment) => audit.one(staff, 'appointment', a.id, a)

  app.get(
    '/',
    {
      preHandler: app.requireStaff(),
      schema: {
        tags,
        security,
        summary: "A day's bookings (default today) of my department's matters (admin: all), per hall and window, with counts",
        querystring: StaffDayQuery,
        response: { 200: StaffDayView, ...errorResponses },
      },
    },
    async (request) => {
      const day = await desk.dayView(request.staffMember, request.query)
      return audit.list(request.staffMember, 'appointment', day.items.map((a) => a.id), day)
    },
  )

  app.post(
    '/check-in',
    {
      preHandler: app.requireStaff(),
      schema: {
        tags,
        security,
        summary: 'Check a citizen in by the scanned QR payload or the typed code; issues the queue number (取号)',
        body: CheckInRequest,
        response: { 200: StaffAppointment, ...errorResponses },
      },
    },
    async (request) => shown(request.staffMember, await desk.checkInByCode(request.staffMember, request.body.code)),
  )

  app.post(
    '/call-next',
    {
      preHandler: app.requireStaff(),
      schema: {
        tags,
        security,
        summary: "Call the next checked-in number this window serves (appointment null when nobody waits)",
        body: CallNextRequest,
        response: { 200: CallNextResult, ...errorResponses },
      },
    },
    async (request) => {
      const next = await desk.callNext(request.staffMember, request.body)
      if (next.appointment) await shown(request.staffMember, next.appointment)
      return next
    },
  )

  // ---- slot templates ----

  app.get(
    '/templates',
    {
      preHandler: app.requireStaff(),
      schema: { tags, security, summary: "Slot templates of my department's matters (admin: all)", querystring: SlotTemplateQuery, response: { 200: SlotTemplateList, ...errorResponses } },
    },
    async (request) => admin.listTemplates(request.staffMember, request.query),
  )

  app.post(
    '/templates',
    {
      preHandler: app.requireStaff('lead', 'admin'),
      schema: {
        tags,
        security,
        summary: 'Create weekly slots of a matter (one per weekday given); 409 when overlapping an active one',
        body: SlotTemplateCreate,
        response: { 200: SlotTemplateCreated, ...errorResponses },
      },
    },
    async (request) => admin.createTemplates(request.staffMember, request.body),
  )

  app.patch(
    '/templates/:id',
    {
      preHandler: app.requireStaff('lead', 'admin'),
      schema: {
        tags,
        security,
        summary: 'Change capacity or stop/resume a slot template; existing bookings are never cancelled, citizens beyond a lowered capacity are told',
        params: IdParams,
        body: SlotTemplateUpdate,
        response: { 200: SlotTemplateChange, ...errorResponses },
      },
    },
    async (request) => admin.updateTemplate(request.staffMember, request.params.id, request.body),
  )

  app.delete(
    '/templates/:id',
    {
      preHandler: app.requireStaff('lead', 'admin'),
      schema: {
        tags,
        security,
        summary: 'Delete a slot template never booked (409 otherwise: deactivate it instead)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await admin.deleteTemplate(request.staffMember, request.params.id)
      return reply.status(204).send(null)
    },
  )

  // ---- hall closures ----

  app.get(
    '/closures',
    {
      preHandler: app.requireStaff(),
      schema: { tags, security, summary: 'Hall closures (闭厅), current and upcoming unless includePast', querystring: HallClosureQuery, response: { 200: HallClosureList, ...errorResponses } },
    },
    async (request) => admin.listClosures(request.query),
  )

  app.post(
    '/closures',
    {
      preHandler: app.requireStaff('admin'),
      schema: {
        tags,
        security,
        summary: 'Close a hall for a date range: no bookings; bookings on those days are cancelled and each citizen is told why',
        body: HallClosureCreate,
        response: { 200: HallClosureResult, ...errorResponses },
      },
    },
    async (request) => admin.createClosure(request.staffMember, request.body),
  )

  app.delete(
    '/closures/:id',
    {
      preHandler: app.requireStaff('admin'),
      schema: { tags, security, summary: 'Lift a closure: its days take bookings again', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    },
    async (request, reply) => {
      await admin.deleteClosure(request.staffMember, request.params.id)
      return reply.status(204).send(null)
    },
  )

  // ---- one booking ----

  app.get(
    '/:id',
    {
      preHandler: app.requireStaff(),
      schema: { tags, security, summary: 'A booking of my department', params: IdParams, response: { 200: StaffAppointment, ...errorResponses } },
    },
    async (request) => shown(request.staffMember, await desk.get(request.staffMember, request.params.id)),
  )

  app.post(
    '/:id/check-in',
    {
      preHandler: app.requireStaff(),
      schema: {
        tags,
        security,
        summary: 'Check in by booking (when the citizen shows an ID card instead of the QR code)',
        params: IdParams,
        response: { 200: StaffAppointment, ...errorResponses },
      },
    },
    async (request) => shown(request.staffMember, await desk.checkIn(request.staffMember, request.params.id)),
  )

  app.post(
    '/:id/served',
    {
      preHandler: app.requireStaff(),
      schema: { tags, security, summary: 'Mark a checked-in booking served', params: IdParams, response: { 200: StaffAppointment, ...errorResponses } },
    },
    async (request) => shown(request.staffMember, await desk.serve(request.staffMember, request.params.id)),
  )

  app.post(
    '/:id/no-show',
    {
      preHandler: app.requireStaff(),
      schema: {
        tags,
        security,
        summary: 'Mark a no-show (only after check-in closed: APPOINTMENT_LATE_MINUTES after the slot); the citizen is told, with any ban',
        params: IdParams,
        response: { 200: StaffAppointment, ...errorResponses },
      },
    },
    async (request) => shown(request.staffMember, await desk.noShow(request.staffMember, request.params.id)),
  )
}
export default staffAppointments
