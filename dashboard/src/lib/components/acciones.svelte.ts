/** The outcome of a write, shown by <Aviso>. */
export interface Aviso {
  ok: boolean;
  texto: string;
}

export interface Acciones {
  readonly aviso: Aviso | null;
  readonly enCurso: boolean;
  /**
   * Runs a write; then `despues` (reload what it changed), whatever the outcome; then keeps the notice: `ok` (or
   * `ok(answer)`) when it worked, the API's Spanish reason when not. Resolves to whether it worked.
   */
  hacer: <T>(escribir: () => Promise<T>, ok: string | ((r: T) => string), despues?: () => Promise<unknown>) => Promise<boolean>;
  /** Shows a notice without a write (a form the page itself finds wrong). */
  avisar: (aviso: Aviso | null) => void;
}

/** The writes of a page (create, save, run now…) and the notice of the last one. */
export function acciones(): Acciones {
  let aviso: Aviso | null = $state(null);
  let enCurso = $state(false);
  return {
    get aviso() {
      return aviso;
    },
    get enCurso() {
      return enCurso;
    },
    async hacer(escribir, ok, despues) {
      aviso = null;
      enCurso = true;
      let nuevo: Aviso;
      try {
        const r = await escribir();
        nuevo = { ok: true, texto: typeof ok === 'function' ? ok(r) : ok };
      } catch (e) {
        nuevo = { ok: false, texto: e instanceof Error ? e.message : String(e) };
      }
      try {
        await despues?.();
      } finally {
        enCurso = false;
        aviso = nuevo;
      }
      return nuevo.ok;
    },
    avisar(nuevo) {
      aviso = nuevo;
    },
  };
}
