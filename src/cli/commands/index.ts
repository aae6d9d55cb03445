import type { Config } from '../../config/index.js';
import { ensureDashboardBuilt } from '../../server/build.js';
import { demo } from './demo.js';
import { detener } from './detener.js';
import { respaldoCrear, respaldoListar, respaldoRestaurar } from './respaldo.js';
import { exportCmd } from './export.js';
import { etlHistory, etlList, etlRun } from './etl.js';
import { importCartografia } from './import.js';
import { serve } from './serve.js';
import { servicioAdd, servicioList, servicioRm } from './servicio.js';
import { userAdd } from './user.js';

export type Command = (args: string[], opts: Record<string, string | boolean | undefined>, config: Config) => Promise<void>;

export const commands: Record<string, Command> = {
  serve: serve as Command,
  build: async () => ensureDashboardBuilt(true),
  'user add': userAdd as Command,
  'etl list': etlList as Command,
  'etl run': etlRun as Command,
  'etl history': etlHistory as Command,
  demo: demo as Command,
  'import cartografia': importCartografia as Command,
  'servicio list': servicioList as Command,
  'servicio add': servicioAdd as Command,
  'servicio rm': servicioRm as Command,
  export: exportCmd as Command,
  'respaldo crear': respaldoCrear as Command,
  'respaldo listar': respaldoListar as Command,
  'respaldo restaurar': respaldoRestaurar as Command,
  detener: detener as Command,
};
