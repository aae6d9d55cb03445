import type { DomainModule } from './types.js';
import { calendario } from './calendario/index.js';
import { disponibilidad } from './disponibilidad/index.js';
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

/** Every domain: the Resumen (built from the cards of the others) first. */
export const DOMAINS: readonly DomainModule[] = [resumenDomain(FIGURAS), ...FIGURAS];
