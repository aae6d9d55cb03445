/**
 * The demo's calendario integral: the subprocesos of an ordinary local process and their activities, written
 * once for any process ({consejos}, {cargos} name what the process elects). Areas are the siglas of core.unidades,
 * the same the POA demo uses.
 */

/** An activity template: text, responsible areas (one per variant, in turn), variants, duration range in days. */
export interface Plantilla {
  texto: string;
  areas: readonly string[];
  /** How it repeats: once, by stage, by region of the state, or as a periodic report. */
  por?: 'etapa' | 'zona' | 'corte';
  n?: number;
  dias: readonly [number, number];
}

/**
 * A subproceso and its window. Window ends are fractions of the process's timeline: 0..1 runs from its start to
 * the jornada electoral, 1..2 from the jornada to its end.
 */
export interface Subproceso {
  nombre: string;
  ventana: readonly [number, number];
  plantillas: readonly Plantilla[];
}

export const ZONAS = ['Huasteca', 'Totonaca', 'Capital', 'Las Montañas', 'Sotavento', 'Olmeca'] as const;

export const SUBPROCESOS: readonly Subproceso[] = [
  { nombre: 'Planeación', ventana: [0, 0.45], plantillas: [
    { texto: 'Elaborar el anteproyecto de presupuesto del proceso electoral', areas: ['UTP', 'DEA'], dias: [20, 40] },
    { texto: 'Aprobar el calendario integral del proceso electoral', areas: ['UTP'], dias: [5, 12] },
    { texto: 'Integrar el plan de coordinación con el INE', areas: ['SE'], dias: [15, 30] },
    { texto: 'Aprobar la integración de las comisiones del Consejo General', areas: ['UTS'], dias: [3, 8] },
    { texto: 'Celebrar la sesión de inicio del proceso electoral', areas: ['UTS'], dias: [1, 1] },
    { texto: 'Aprobar los lineamientos para el desarrollo de los cómputos', areas: ['DEOE'], dias: [5, 10] },
    { texto: 'Actualizar el programa de trabajo de las comisiones', areas: ['UTS'], dias: [5, 10] },
    { texto: 'Contratar al personal eventual del proceso electoral', areas: ['DEA'], por: 'etapa', n: 3, dias: [10, 20] },
    { texto: 'Capacitar al personal eventual en sus funciones', areas: ['UTCFyD'], por: 'etapa', n: 3, dias: [5, 10] },
  ] },
  { nombre: 'Seguimiento institucional', ventana: [0.05, 1.95], plantillas: [
    { texto: 'Informar al Consejo General el avance del calendario integral', areas: ['UTP'], por: 'corte', n: 12, dias: [5, 10] },
    { texto: 'Publicar la síntesis informativa del proceso electoral', areas: ['UTCS'], por: 'corte', n: 8, dias: [10, 20] },
    { texto: 'Atender las solicitudes de información sobre el proceso electoral', areas: ['UTTAPDP'], por: 'corte', n: 8, dias: [15, 25] },
    { texto: 'Revisar el ejercicio del presupuesto del proceso electoral', areas: ['OIC'], por: 'corte', n: 4, dias: [15, 25] },
    { texto: 'Dar seguimiento a las quejas y denuncias del proceso electoral', areas: ['DEAJ'], por: 'corte', n: 6, dias: [15, 25] },
    { texto: 'Operar la mesa de ayuda de los sistemas del proceso electoral', areas: ['UTSI'], por: 'etapa', n: 3, dias: [60, 110] },
    { texto: 'Coordinar la atención de los requerimientos del INE', areas: ['SE'], por: 'etapa', n: 3, dias: [60, 110] },
    { texto: 'Resguardar el archivo de trámite del proceso electoral', areas: ['UTS'], por: 'etapa', n: 2, dias: [90, 150] },
  ] },
  { nombre: 'Órganos desconcentrados', ventana: [0.05, 0.7], plantillas: [
    { texto: 'Emitir la convocatoria para integrar los {consejos}', areas: ['UTVODES'], dias: [10, 20] },
    { texto: 'Recibir las solicitudes de las y los aspirantes a los {consejos}', areas: ['UTVODES'], por: 'zona', dias: [10, 15] },
    { texto: 'Verificar los requisitos de las y los aspirantes a los {consejos}', areas: ['UTVODES'], por: 'zona', dias: [5, 10] },
    { texto: 'Aplicar el examen de conocimientos a las y los aspirantes', areas: ['DEOE'], dias: [1, 3] },
    { texto: 'Entrevistar a las y los aspirantes a los {consejos}', areas: ['UTVODES'], por: 'zona', dias: [5, 10] },
    { texto: 'Designar a las y los integrantes de los {consejos}', areas: ['UTS'], dias: [3, 7] },
    { texto: 'Arrendar y acondicionar los inmuebles de los {consejos}', areas: ['DEA'], por: 'zona', dias: [15, 30] },
    { texto: 'Instalar los {consejos}', areas: ['DEOE'], dias: [1, 3] },
    { texto: 'Dotar de equipo de cómputo a los {consejos}', areas: ['UTSI', 'DEA'], por: 'zona', dias: [10, 20] },
    { texto: 'Capacitar a las y los integrantes de los {consejos}', areas: ['UTCFyD', 'UTVODES'], por: 'zona', dias: [5, 10] },
    { texto: 'Supervisar el funcionamiento de los {consejos}', areas: ['UTVODES'], por: 'corte', n: 6, dias: [20, 30] },
    { texto: 'Cubrir las vacantes de los {consejos}', areas: ['UTVODES'], por: 'etapa', n: 3, dias: [10, 20] },
  ] },
  { nombre: 'Partidos políticos y candidaturas', ventana: [0.15, 0.85], plantillas: [
    { texto: 'Determinar el financiamiento público de los partidos políticos', areas: ['DEPPP'], dias: [5, 10] },
    { texto: 'Ministrar el financiamiento público para gastos de campaña', areas: ['DEA'], por: 'etapa', n: 3, dias: [3, 7] },
    { texto: 'Aprobar los topes de gastos de precampaña y campaña', areas: ['DEPPP'], dias: [5, 10] },
    { texto: 'Recibir las manifestaciones de intención de candidaturas independientes', areas: ['DEPPP'], dias: [10, 20] },
    { texto: 'Verificar el apoyo de la ciudadanía a las candidaturas independientes', areas: ['DEPPP', 'UTSI'], por: 'etapa', n: 2, dias: [15, 25] },
    { texto: 'Registrar las plataformas electorales', areas: ['DEPPP'], dias: [5, 10] },
    { texto: 'Recibir las solicitudes de registro de candidaturas a {cargos}', areas: ['DEPPP'], dias: [7, 12] },
    { texto: 'Aprobar el registro de candidaturas a {cargos}', areas: ['UTS'], dias: [3, 5] },
    { texto: 'Verificar la paridad de género en las candidaturas', areas: ['UTIGyND'], por: 'etapa', n: 2, dias: [5, 10] },
    { texto: 'Atender las sustituciones de candidaturas', areas: ['DEPPP'], por: 'etapa', n: 3, dias: [10, 20] },
    { texto: 'Monitorear la propaganda electoral en medios', areas: ['UTCS'], por: 'corte', n: 4, dias: [15, 25] },
    { texto: 'Revisar los informes de gastos de las organizaciones ciudadanas', areas: ['UTF'], por: 'etapa', n: 2, dias: [20, 30] },
    { texto: 'Resolver los procedimientos sancionadores de las campañas', areas: ['DEAJ'], por: 'etapa', n: 3, dias: [15, 25] },
  ] },
  { nombre: 'Capacitación electoral', ventana: [0.3, 0.98], plantillas: [
    { texto: 'Aprobar la estrategia de capacitación y asistencia electoral', areas: ['DECEyEC'], dias: [5, 10] },
    { texto: 'Reclutar supervisores y capacitadores asistentes electorales', areas: ['DECEyEC'], por: 'zona', dias: [15, 25] },
    { texto: 'Visitar y notificar a la ciudadanía sorteada', areas: ['DECEyEC'], por: 'zona', dias: [15, 25] },
    { texto: 'Producir los materiales didácticos de capacitación', areas: ['DECEyEC'], por: 'etapa', n: 2, dias: [20, 30] },
    { texto: 'Capacitar al funcionariado de las mesas directivas de casilla', areas: ['DECEyEC'], por: 'zona', dias: [20, 30] },
    { texto: 'Realizar simulacros de la jornada electoral con el funcionariado de casilla', areas: ['DECEyEC'], por: 'zona', dias: [3, 7] },
    { texto: 'Acreditar a las y los observadores electorales', areas: ['DECEyEC', 'UTS'], por: 'etapa', n: 3, dias: [15, 25] },
    { texto: 'Capacitar al personal de los {consejos} en los cómputos', areas: ['DEOE'], por: 'zona', dias: [3, 7] },
  ] },
  { nombre: 'Documentación y material electoral', ventana: [0.25, 0.98], plantillas: [
    { texto: 'Aprobar los diseños de la documentación y el material electoral', areas: ['DEOE'], dias: [10, 20] },
    { texto: 'Licitar la producción de la documentación electoral', areas: ['DEA'], dias: [20, 30] },
    { texto: 'Recibir la documentación electoral en la bodega central', areas: ['DEOE'], por: 'etapa', n: 2, dias: [2, 5] },
    { texto: 'Supervisar la producción de las boletas electorales', areas: ['DEOE'], por: 'etapa', n: 3, dias: [10, 20] },
    { texto: 'Producir el material electoral', areas: ['DEA'], por: 'etapa', n: 2, dias: [20, 30] },
    { texto: 'Verificar las medidas de seguridad de las boletas', areas: ['OIC'], por: 'etapa', n: 2, dias: [3, 5] },
    { texto: 'Acondicionar las bodegas electorales de los {consejos}', areas: ['DEOE'], por: 'zona', dias: [10, 15] },
    { texto: 'Distribuir la documentación electoral a los {consejos}', areas: ['DEOE'], por: 'zona', dias: [3, 7] },
    { texto: 'Contar, sellar y agrupar las boletas en los {consejos}', areas: ['UTVODES'], por: 'zona', dias: [3, 6] },
    { texto: 'Integrar los paquetes electorales', areas: ['DEOE'], por: 'zona', dias: [2, 4] },
  ] },
  { nombre: 'Sistemas informáticos', ventana: [0.1, 1.3], plantillas: [
    { texto: 'Desarrollar el sistema de registro de candidaturas', areas: ['UTSI'], dias: [30, 45] },
    { texto: 'Desarrollar el sistema de cómputos', areas: ['UTSI'], por: 'etapa', n: 2, dias: [30, 45] },
    { texto: 'Instalar la red de datos de los {consejos}', areas: ['UTSI'], por: 'zona', dias: [10, 20] },
    { texto: 'Auditar los sistemas informáticos del proceso', areas: ['OIC'], dias: [20, 30] },
    { texto: 'Realizar los simulacros del PREP', areas: ['UTSI'], por: 'etapa', n: 3, dias: [1, 1] },
    { texto: 'Realizar los simulacros del sistema de cómputos', areas: ['UTSI'], por: 'etapa', n: 3, dias: [1, 2] },
    { texto: 'Transmitir las sesiones del Consejo General', areas: ['UTSI'], por: 'corte', n: 6, dias: [20, 30] },
  ] },
  { nombre: 'Difusión y promoción del voto', ventana: [0.35, 0.99], plantillas: [
    { texto: 'Difundir la campaña institucional de promoción del voto', areas: ['UTCS'], por: 'etapa', n: 3, dias: [20, 30] },
    { texto: 'Organizar los debates entre candidaturas', areas: ['UTS'], por: 'zona', dias: [1, 2] },
    { texto: 'Realizar foros de participación política de las mujeres', areas: ['UTIGyND'], por: 'etapa', n: 3, dias: [1, 3] },
    { texto: 'Realizar jornadas de educación cívica para jóvenes', areas: ['DECEyEC'], por: 'zona', dias: [2, 5] },
  ] },
  { nombre: 'Jornada electoral', ventana: [0.99, 1.01], plantillas: [
    { texto: 'Entregar los paquetes electorales a las presidencias de casilla', areas: ['DEOE'], por: 'zona', dias: [3, 5] },
    { texto: 'Instalar los mecanismos de recolección de paquetes electorales', areas: ['DEOE'], por: 'zona', dias: [1, 2] },
    { texto: 'Celebrar la sesión permanente de la jornada electoral', areas: ['UTS'], dias: [1, 2] },
    { texto: 'Atender las peticiones de Oficialía Electoral de la jornada', areas: ['UTOE'], dias: [1, 2] },
    { texto: 'Operar el Programa de Resultados Electorales Preliminares', areas: ['UTSI'], dias: [1, 2] },
    { texto: 'Recibir los paquetes electorales en los {consejos}', areas: ['UTVODES'], por: 'zona', dias: [1, 2] },
  ] },
  { nombre: 'Cómputos y resultados', ventana: [1.02, 1.5], plantillas: [
    { texto: 'Realizar los cómputos en los {consejos}', areas: ['DEOE'], por: 'zona', dias: [3, 5] },
    { texto: 'Realizar los recuentos de votos ordenados', areas: ['DEOE'], por: 'etapa', n: 2, dias: [2, 5] },
    { texto: 'Entregar las constancias de mayoría', areas: ['UTS'], dias: [1, 3] },
    { texto: 'Asignar {cargos} de representación proporcional', areas: ['UTS'], dias: [3, 7] },
    { texto: 'Atender los medios de impugnación de los cómputos', areas: ['DEAJ'], por: 'etapa', n: 3, dias: [10, 20] },
    { texto: 'Publicar los resultados de los cómputos', areas: ['UTCS'], dias: [1, 3] },
    { texto: 'Difundir los resultados de la jornada electoral', areas: ['UTCS'], por: 'etapa', n: 2, dias: [3, 7] },
    { texto: 'Remitir los expedientes de los cómputos al Consejo General', areas: ['UTVODES'], por: 'zona', dias: [2, 5] },
  ] },
  { nombre: 'Conclusión', ventana: [1.3, 2], plantillas: [
    { texto: 'Clausurar los {consejos}', areas: ['UTVODES'], por: 'zona', dias: [3, 7] },
    { texto: 'Recuperar el mobiliario y equipo de los {consejos}', areas: ['DEA', 'UTSI'], por: 'zona', dias: [10, 20] },
    { texto: 'Entregar los inmuebles de los {consejos}', areas: ['DEA'], por: 'zona', dias: [5, 10] },
    { texto: 'Destruir la documentación electoral', areas: ['DEOE'], dias: [10, 15] },
    { texto: 'Integrar la memoria del proceso electoral', areas: ['UTP'], dias: [20, 30] },
    { texto: 'Evaluar el cumplimiento del calendario integral', areas: ['UTP'], dias: [10, 15] },
    { texto: 'Rendir el informe final de actividades del proceso', areas: ['SE'], dias: [5, 10] },
  ] },
];

export const MOTIVOS_CAMBIO = [
  'Armonización con el calendario del INE',
  'Solicitud del área por la carga de trabajo del proceso',
  'Resolución del Tribunal Electoral de Veracruz',
  'Falta de suficiencia presupuestal',
  'Ajuste de plazos por la reforma electoral local',
  'Retraso en la entrega de insumos de otra área',
] as const;
