import { IdParams, errorResponses } from '../../../types/common'
import {
  Appointment,
  AppointmentListQuery,
  AppointmentPage,
  Availability,
  AvailabilityQuery,
  BookAppointmentRequest,
  CancelAppointmentRequest,
  RescheduleAppointmentRequest,
} from '../../../types/appointments'
import type { RoutePlugin } from './types'

/** Appointments (预约) for citizens. Availability needs no sign-in; everything else is the citizen's own. */
const citizenAppointments: RoutePlugin = async (app, { services }) => {
  const tags = ['appointments']
  const security = [{ bearer: [] }]

  app.get(
    '/availability',
    {
      schema: {
        tags,
        summary: 'Bookable days and slots of a matter with live remaining counts, and the next day with room',
        description:
          'The next working day up to APPOINTMENT_WINDOW_DAYS working days ahead (holidays never listed; closed days listed as closed). Signed-in citizens also get their ban, booked dates and real-name state.',
        querystring: AvailabilityQuery,
        response: { 200: Availability, ...errorResponses },
      },
    },
    async (request) => {
      const p = request.principal
      return services.appointments.availability(request.query.matterId, p?.kind === 'citizen' ? p.citizen : null)
    },
  )

  app.get(
    '/',
    {
      preHandler: app.requireCitizen,
      schema: { tags, security, summary: 'My bookings (我的预约)', querystring: AppointmentListQuery, response: { 200: AppointmentPage, ...errorResponses } },
    },
    async (request) => services.appointments.listMine(request.citizen, request.query),
  )

  app.post(
    '/',
    {
      preHandler: app.requireCitizen,
      schema: {
        tags,
        security,
        summary: 'Book a slot',
        description:
          '403 without a declared real name or while banned after no-shows (the message says until when); 409 when the slot is full (the message names the next day with room), outside the window, closed, or when I already hold a booking for this matter that day.',
        body: BookAppointmentRequest,
        response: { 200: Appointment, ...errorResponses },
      },
    },
    async (request) => services.appointments.book(request.citizen, request.body),
  )

  app.get(
    '/:id',
    {
      preHandler: app.requireCitizen,
      schema: { tags, security, summary: 'One of my bookings, with its check-in QR code and queue number', params: IdParams, response: { 200: Appointment, ...errorResponses } },
    },
    async (request) => services.appointments.getMine(request.citizen, request.params.id),
  )

  app.post(
    '/:id/cancel',
    {
      preHandler: app.requireCitizen,
      schema: {
        tags,
        security,
        summary: 'Cancel my booking, up to APPOINTMENT_CANCEL_CUTOFF_HOURS before it starts',
        params: IdParams,
        body: CancelAppointmentRequest,
        response: { 200: Appointment, ...errorResponses },
      },
    },
    async (request) => services.appointments.cancel(request.citizen, request.params.id, request.body?.reason),
  )

  app.post(
    '/:id/reschedule',
    {
      preHandler: app.requireCitizen,
      schema: {
        tags,
        security,
        summary: 'Move my booking to another slot of the same matter (cancel + book atomically); answers the new booking',
        params: IdParams,
        body: RescheduleAppointmentRequest,
        response: { 200: Appointment, ...errorResponses },
      },
    },
    async (request) => services.appointments.reschedule(request.citizen, request.params.id, request.body.slotId),
  )
}
export default citizenAppointments
