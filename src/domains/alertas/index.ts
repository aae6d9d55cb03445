import { ROLES } from '../../core/roles.js';
import { uptimeConfig } from '../../config/uptime.js';
import type { RuleType } from '../reglas.js';
import type { DomainModule, DomainService } from '../types.js';
import { declareEvaluator, sourcesOf } from './evaluators/index.js';
import { pruneHistory } from './history.js';
import { openapi } from './openapi.js';
import { alertasRoutes } from './routes.js';
import { startAlertsService } from './service.js';
import { TIPOS_REGLA } from './types.js';
import { declareRuleDomain, type AccessTable } from './visibility.js';
import { publicUrlOf, transportsOf } from './wiring.js';

export { evaluate, type EvaluateOptions, type EvaluationResult } from './engine.js';
export { evaluateAll, type CycleResult } from './cycle.js';
export { deliver, backoffAfter, type DeliveryOptions, type DeliveryResult } from './delivery.js';
export { probar } from './channel-test.js';
export { startAlertsService, type AlertsService, type AlertsServiceOptions } from './service.js';
export { alertsConfig, type AlertsConfig } from './config.js';
export { createTransports, DeliveryError, type Transports, type OutgoingMail } from './transports/index.js';
export type { Evaluator, EvaluationContext, Observation, SourceFreshness } from './evaluator.js';
export { evaluatorOf, parseRuleParams, ruleTypes } from './evaluators/index.js';
export { createChannel, listChannels, getChannel, updateChannel, channelHealth } from './channels.js';
export { createRule, listRules, getRule, updateRule } from './rules.js';
export { createSilence, listSilences, endSilence } from './silences.js';
export { listAlerts, unreadCount, markSeen, type AlertFilter } from './alerts.js';
export { subscribe, unsubscribe, listSubscriptions } from './subscriptions.js';
export { listDeliveries, pruneHistory } from './history.js';
export { canSee, filterVisible, canSubscribe, type AccessTable, type Viewer } from './visibility.js';

const seconds = (v: string | undefined, d: number): number => {
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : d;
};

/**
 * Alerts (issue 13, DESIGN.md §3 and §6 «Alerts»). It takes the other domains instead of importing the registry
 * that lists it: their roles make the access table that decides who sees which alert, and their `reglas` are the
 * rule types it evaluates beside its own (uptime and pipelines). Every role opens it and sees what its role may.
 *
 * Its service evaluates every rule and delivers due notices every ATALAYA_ALERTAS_INTERVALO_S (15) seconds,
 * grouping each recipient's notices over ATALAYA_ALERTAS_AGRUPAR_S (60) seconds; e-mail goes through
 * ATALAYA_SMTP_URL from ATALAYA_SMTP_REMITENTE, links point at ATALAYA_PUBLIC_URL.
 */
export function alertasDomain(domains: readonly DomainModule[]): DomainModule {
  const declared: Array<RuleType & { dominio: string }> = domains.flatMap((d) => (d.reglas ?? []).map((r) => ({ ...r, dominio: d.id })));
  for (const r of declared) {
    declareEvaluator(r);
    declareRuleDomain(r.tipo, r.dominio);
  }
  const access: AccessTable = { ...Object.fromEntries(domains.map((d) => [d.id, d.roles])), alertas: ROLES };
  const tipos = [
    ...Object.entries(TIPOS_REGLA).map(([tipo, t]) => ({ tipo, titulo: t.titulo, descripcion: t.descripcion })),
    ...declared.map((r) => ({ tipo: r.tipo, titulo: r.titulo, descripcion: r.descripcion })),
  ];

  const servicio: DomainService = {
    nombre: 'alertas',
    start: (ctx) => {
      if (process.env.ATALAYA_ALERTAS === '0') return () => undefined;
      const s = startAlertsService({
        wh: ctx.wh,
        transports: transportsOf(ctx),
        publicUrl: publicUrlOf(ctx),
        context: () => ({ fallosCaida: uptimeConfig().fallosCaida, fuentes: sourcesOf(ctx.pipelines), acceso: access }),
        intervalMs: seconds(process.env.ATALAYA_ALERTAS_INTERVALO_S, 15) * 1000,
        delivery: { groupMs: seconds(process.env.ATALAYA_ALERTAS_AGRUPAR_S, 60) * 1000 },
      });
      // Resolved alerts, notices and delivery attempts older than a year are removed once a day.
      const prune = setInterval(() => void pruneHistory(ctx.wh).catch((e) => console.error(`[alertas] no se pudo depurar el historial: ${(e as Error).message}`)), 24 * 3_600_000);
      prune.unref?.();
      return () => {
        clearInterval(prune);
        return s.stop();
      };
    },
  };

  return {
    id: 'alertas',
    title: 'Alertas',
    roles: ROLES,
    routers: [{ prefix: '/alertas', router: alertasRoutes({ access: () => access, tipos: () => tipos }) }],
    openapi,
    // No navigation entry: the bell in the header is the way in.
    pages: ['/alertas', { href: '/admin/alertas', label: 'Alertas (administración)', roles: ['admin'] }],
    services: [servicio],
  };
}
