import { useState } from 'react';
import type { Errors, RequestForm } from './form-state';

/** A retiree's form and its per-field errors: changing a field clears that field's error. */
export function useRequestForm(initial: RequestForm) {
  const [form, setForm] = useState<RequestForm>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const set = (patch: Partial<RequestForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[k as keyof RequestForm];
      return next;
    });
  };
  return { form, setForm, errors, setErrors, set };
}
