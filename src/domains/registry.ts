import type { DomainModule } from './types.js';
import { alertasDomain } from './alertas/index.js';
import { calendario } from './calendario/index.js';
import { disponibilidad } from './disponibilidad/index.js';
import { estado } from './estado/index.js';
import { informesDomain } from './informes/index.js';
import { reportesDomain } from './reportes/index.js';
import { incidentes } from './incidentes/index.js';
import { metas } from './metas/index.js';
import { odes } from './odes/index.js';
import { oficialia } from './oficialia/index.js';
import { resumenDomain } from './resumen/index.js';
import { sesiones } from './sesiones/index.js';

/**
 * The domains of figures, in the order of the navigation and of the Resumen's cards. Adding a domain: its folder
 * src/domains/<dominio>/ and one line here (README «Agregar un dominio»).
 */
const FIGURAS: readonly DomainModule[] = [
  metas,
  calendario,
  odes,
  incidentes,
  disponibilidad,
  oficialia,
  sesiones,
];

/** The leadership overview, built from the cards of the others. */
const RESUMEN = resumenDomain(FIGURAS);
const WITH_RESUMEN: readonly DomainModule[] = [RESUMEN, ...FIGURAS];

/** Every domain: the Resumen first; the alerts (over all the figures) last. */
export const DOMAINS: readonly DomainModule[] = [
  ...WITH_RESUMEN,
  estado,
  // Scheduled reports: what the Resumen and the units offer (DomainModule.reportes).
  reportesDomain(WITH_RESUMEN),
  // The Informe mensual: every domain's section.
  informesDomain(FIGURAS.flatMap((d) => d.informe ?? [])),
  alertasDomain(WITH_RESUMEN),
];
