import { parseArgs } from 'node:util';
import { loadConfig } from '../config/index.js';
import { WarehouseLockedError } from '../db/warehouse.js';
import { MigrationError } from '../db/migrate.js';
import { WarehouseDamagedError } from '../db/open.js';
import { commands } from './commands/index.js';

const USAGE = `Uso: atalaya <comando>
  serve                                  inicia el servidor (API, tablero y programador)
  build                                  construye el tablero
  user add <usuario> --rol <rol> [--area SIGLAS]   crea un usuario (contraseña de ATALAYA_PASSWORD o de la entrada estándar)
  etl list                               lista los procesos de carga
  etl run <proceso>|all                  ejecuta un proceso (o todos)
  etl history [<proceso>]                historial de ejecuciones
  demo [--scale N] [--solo-archivos]     genera los datos de demostración y los carga
  import cartografia <archivo>           importa un GeoJSON o TopoJSON de municipios
  servicio list                          lista el catálogo de servicios monitoreados
  servicio add <id> <http|tcp> <destino> <nombre> [clave=valor …]   agrega un servicio (intervalo_s, timeout_ms, palabra_clave, codigos_ok, criticidad, publico)
  servicio rm <id>                       elimina un servicio del catálogo
  export parquet [<carpeta>]             exporta las tablas core como Parquet particionado (dentro de <datos>/exportes o ATALAYA_EXPORT_DIR)
  respaldo crear                         copia consistente del almacén en <datos>/respaldos/<aaaa-mm-ddThh-mm-ss>/
  respaldo listar                        lista los respaldos, del más reciente al más antiguo
  respaldo restaurar <nombre>            con el servidor detenido, vuelve al respaldo (el almacén actual se guarda en reemplazados/)
  detener                                detiene con orden el servidor de esta carpeta de datos`;

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      rol: { type: 'string' },
      area: { type: 'string' },
      scale: { type: 'string' },
      seed: { type: 'string' },
      hoy: { type: 'string' },
      'solo-archivos': { type: 'boolean' },
      limite: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [cmd, ...rest] = positionals;
  if (!cmd || values.help) {
    console.log(USAGE);
    return;
  }
  const key = [cmd, rest[0]].filter(Boolean).join(' ');
  const command = commands[key] ?? commands[cmd];
  if (!command) throw new Error(`comando desconocido «${positionals.join(' ')}»; use atalaya --help`);
  const args = commands[key] ? rest.slice(1) : rest;
  await command(args, values as Record<string, string | boolean | undefined>, loadConfig());
}

main().then(
  () => {
    if (!['serve'].includes(process.argv[2] ?? '')) process.exit(0);
  },
  (e: unknown) => {
    const msg = e instanceof WarehouseLockedError || e instanceof MigrationError || e instanceof WarehouseDamagedError ? e.message : `Error: ${String((e as Error)?.message ?? e).split('\n')[0]}`;
    console.error(msg);
    process.exit(1);
  },
);
