import { errorResponses } from '../../../types/common'
import { SubscriptionCredits, SubscriptionGrantRequest, SubscriptionTemplateList } from '../../../types/notifications'
import type { RoutePlugin } from './types'

/** WeChat one-time subscriptions (订阅消息): which templates to ask for, and recording what the citizen accepted. */
const subscriptions: RoutePlugin = async (app, { services }) => {
  const tags = ['notifications']
  const security = [{ bearer: [] }]

  app.get(
    '/templates',
    {
      schema: {
        tags,
        summary: 'The subscribe-message templates to ask for in a tap handler (Taro.requestSubscribeMessage, at most 3 per call)',
        response: { 200: SubscriptionTemplateList, ...errorResponses },
      },
    },
    async () => ({ templates: services.notifications.subscriptionTemplates() }),
  )

  app.post(
    '/',
    {
      preHandler: app.requireCitizen,
      schema: {
        tags,
        security,
        summary: 'Record the templates the citizen accepted: each allows one subscribe message',
        body: SubscriptionGrantRequest,
        response: { 200: SubscriptionCredits, ...errorResponses },
      },
    },
    async (request) => {
      const citizenId = request.citizen.id
      await services.database.db.transaction((tx) => services.notifications.grantSubscriptions(tx, citizenId, request.body.accepted))
      return services.notifications.credits(citizenId)
    },
  )

  app.get(
    '/',
    {
      preHandler: app.requireCitizen,
      schema: { tags, security, summary: 'My unused one-time subscriptions per template', response: { 200: SubscriptionCredits, ...errorResponses } },
    },
    async (request) => services.notifications.credits(request.citizen.id),
  )
}
export default subscriptions
