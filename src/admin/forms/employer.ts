import { saveEmployerInput, type AdminActions, type EmployerView } from '@contract/api/admin';
import type { Parsed } from '@contract/schema';

export interface EmployerDraft {
  name: string;
  contactName: string;
  contactPhone: string;
}

export const employerDraftOf = (e?: EmployerView): EmployerDraft => ({
  name: e?.name ?? '',
  contactName: e?.contactName ?? '',
  // The list shows the phone masked: an edit leaves it out unless a new one is typed.
  contactPhone: '',
});

export function toSaveEmployerInput(
  d: EmployerDraft,
  employerId?: string,
): Parsed<AdminActions['saveEmployer']['input']> {
  return saveEmployerInput.parse({
    ...(employerId ? { employerId } : {}),
    name: d.name,
    ...(d.contactName.trim() ? { contactName: d.contactName } : {}),
    ...(d.contactPhone.trim() ? { contactPhone: d.contactPhone } : {}),
  });
}

/** Names that look like the same employer typed twice: 嘉兴纺织有限公司 / 嘉兴纺织 / 嘉兴 纺织. */
export function likelyDuplicates(list: EmployerView[], of: EmployerView): EmployerView[] {
  const core = (n: string) => n.replace(/\s+/g, '').replace(/(股份)?有限(责任)?公司|集团|厂$/g, '');
  const mine = core(of.name);
  return list.filter((e) => e.id !== of.id && e.active && (core(e.name).includes(mine) || mine.includes(core(e.name))));
}
