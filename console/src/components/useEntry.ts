import { reactive } from 'vue';
import { fieldMessages } from '../api/client';

/**
 * The state of an entry form: whether it is being sent, the problem it was refused with, and whether the officer tried
 * to send it (missing fields are marked only then). `errorOf` gives the text shown under one field: "required" when
 * the form found it missing, else the API's messages naming it.
 */
export function useEntry() {
  const state = reactive({ busy: false, error: null as unknown, tried: false });

  function reset() {
    Object.assign(state, { busy: false, error: null, tried: false });
  }

  function errorOf(missing: readonly string[], field: string, required: string): string {
    if (state.tried && missing.includes(field)) return required;
    return fieldMessages(state.error, field).join('；');
  }

  /** Sends when nothing is missing; true once sent and accepted. */
  async function send(missing: readonly string[], request: () => Promise<unknown>): Promise<boolean> {
    state.tried = true;
    if (missing.length > 0) return false;
    state.busy = true;
    state.error = null;
    try {
      await request();
      return true;
    } catch (e) {
      state.error = e;
      return false;
    } finally {
      state.busy = false;
    }
  }

  return { state, reset, errorOf, send };
}
