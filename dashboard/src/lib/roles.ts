export const ROL_NOMBRE: Record<string, string> = {
  admin: 'Administración',
  direccion: 'Dirección',
  utp: 'UTP — Planeación',
  utvodes: 'UTVODES — Vinculación con los ODES',
  utsi: 'UTSI — Servicios Informáticos',
  utoe: 'UTOE — Oficialía Electoral',
  uts: 'UTS — Secretariado',
  area: 'Área',
};
