import { AuditLogPage, AuditLogQuery } from '../../../../types/audit'
import { errorResponses } from '../../../../types/common'
import { listAuditLog } from '../../services/auditReads'
import type { RoutePlugin } from '../types'

/**
 * /api/staff/audit-log — the audit log for the city's IT department (admins only): staff
 * actions and staff reads of citizens' data, newest first. Reading it is not itself
 * recorded: the log holds ids and staff names, no citizen's data.
 */
const auditLogRoute: RoutePlugin = async (app, { services }) => {
  app.get(
    '/',
    {
      preHandler: app.requireStaff('admin'),
      schema: {
        tags: ['staff'],
        security: [{ bearer: [] }],
        summary: 'The audit log (admin): filter by staff, action, target kind/id (also lists that showed it) and Shanghai dates; newest first',
        description: '400: a date that does not exist, or from after to; 403: not an admin.',
        querystring: AuditLogQuery,
        response: { 200: AuditLogPage, ...errorResponses },
      },
    },
    async (request) => listAuditLog(services.database.db, request.query),
  )
}
export default auditLogRoute
