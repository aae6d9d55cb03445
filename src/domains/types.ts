import type { Hono } from 'hono';
import type { AppContext, Env } from '../api/context.js';
import type { OpenApiPaths } from '../api/openapi-paths.js';
import type { Rol } from '../core/roles.js';
import type { Setting } from '../core/settings.js';
import type { Warehouse } from '../db/warehouse.js';
import type { FigurasTarjeta, Meta, Ventanas } from './resumen/types.js';
import type { SeccionInforme } from './informe.js';
import type { ReporteDeclarado } from './reporte.js';
import type { RuleType } from './reglas.js';

// What a domain's Resumen card computes, and over which windows (src/domains/resumen/types.ts holds the API's shapes).
export type { FigurasTarjeta, Meta, Ventanas };

/**
 * The declaration of a domain (docs: /work/notes/DOMAINS.md, README «Agregar un dominio»): what the server, the
 * OpenAPI document, Administración → Parámetros, the access table, the Resumen and the dashboard's navigation
 * need to know about it. Each domain exports one from src/domains/<domain>/index.ts; src/domains/registry.ts
 * lists them.
 */
export interface DomainModule {
  /** The domain's key: its access entry (`requireAccess(id)`), e.g. 'incidentes'. */
  id: string;
  /** Spanish name, e.g. 'Incidentes'. */
  title: string;
  /** Roles that read the domain's figures and open its pages (admin runs Atalaya and sees everything). */
  roles: readonly Rol[];
  /** Its routers and where they are mounted under /api; each behind a session and `roles` unless `public`. */
  routers: readonly DomainRouter[];
  /** Its entries of /api/openapi.json (paths under /api). */
  openapi: OpenApiPaths;
  /** Its tunable figures (Administración → Parámetros), read with `readSetting` (src/core/settings.ts). */
  settings?: readonly Setting[];
  /** Its cards on the Resumen, in order. */
  resumen?: readonly ResumenCard[];
  /** Its sections of the Informe mensual de la Secretaría Ejecutiva (src/domains/informe.ts). */
  informe?: readonly SeccionInforme[];
  /** Documents its users may subscribe to, sent by e-mail every week or month (src/domains/reporte.ts). */
  reportes?: readonly ReporteDeclarado[];
  /** Its entry in the dashboard's navigation. */
  nav?: { href: string; label: string };
  /**
   * Page prefixes of the dashboard it owns (default: the navigation entry's); `roles` may open them, unless the
   * entry names its own (a page of Administración that only some of the domain's roles may use).
   */
  pages?: ReadonlyArray<string | { href: string; label: string; roles: readonly Rol[] }>;
  /** Work it runs in the background while the server is up (the uptime probes…). */
  services?: readonly DomainService[];
  /** Alert rule types over its figures (src/domains/reglas.ts); their alerts are seen by `roles`. */
  reglas?: readonly RuleType[];
}

export interface DomainRouter {
  /** Prefix under /api, e.g. '/incidentes'. */
  prefix: string;
  router: Hono<Env>;
  /** Answers without a session (a public status page). */
  public?: boolean;
}

/** A card of the Resumen: what it is, its default target and how its figures are computed. */
export interface ResumenCard {
  id: string;
  titulo: string;
  unidad: string;
  /** The pipeline whose freshness the card shows. */
  pipeline: string;
  /** Where the card leads when its figures cannot be computed. */
  enlace: string;
  /** Default target (Administración → Parámetros → «Metas de las tarjetas del Resumen» overrides it). */
  meta: Meta;
  figuras: (wh: Warehouse, v: Ventanas) => Promise<FigurasTarjeta>;
}

export interface DomainService {
  nombre: string;
  /** Starts with the scheduler; returns what stops it (the scheduler's stop waits for it, before the warehouse closes). */
  start: (ctx: AppContext) => () => Promise<void> | void;
  /** After the HTTP server stopped: releases what requests used (e.g. the report renderer's browser). */
  close?: () => Promise<void>;
}
