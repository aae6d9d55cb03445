/**
 * Alerts (issue 13): the public surface of the domain. The wiring step adds its DomainModule declaration (routes,
 * OpenAPI paths, settings, access) here and starts startAlertsService() with the server.
 */
export { evaluate, type EvaluateOptions, type EvaluationResult } from './engine.js';
export { evaluateAll, type CycleResult } from './cycle.js';
export { deliver, backoffAfter, type DeliveryOptions, type DeliveryResult } from './delivery.js';
export { probar } from './channel-test.js';
export { startAlertsService, type AlertsService, type AlertsServiceOptions } from './service.js';
export { alertsConfig, type AlertsConfig } from './config.js';
export { createTransports, DeliveryError, type Transports, type OutgoingMail } from './transports/index.js';
export type { Evaluator, EvaluationContext, Observation, SourceFreshness } from './evaluator.js';
export { EVALUATORS, evaluatorOf, parseRuleParams, sourcesOf } from './evaluators/index.js';
export { createChannel, listChannels, getChannel, updateChannel, channelHealth } from './channels.js';
export { createRule, listRules, getRule, updateRule } from './rules.js';
export { createSilence, listSilences, endSilence } from './silences.js';
export { listAlerts, unreadCount, markSeen, type AlertFilter } from './alerts.js';
export { subscribe, unsubscribe, listSubscriptions } from './subscriptions.js';
export { listDeliveries, pruneHistory } from './history.js';
export { canSee, filterVisible, canSubscribe, type Viewer } from './visibility.js';
export { canalBody, canalPatch, reglaBody, reglaPatch, silencioBody, suscripcionBody, destinoProblem } from './schemas.js';
