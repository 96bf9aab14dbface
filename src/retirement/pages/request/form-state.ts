/**
 * The request wizard's data: what each screen holds, its checks (the contract's own schemas, so the
 * messages match the server's word for word), and the payload sent at the end.
 */
import type { RequesterKind, SubmitRequestInput } from '@contract/api/retirement';
import { retireeFields } from '@contract/api/retirement';
import type { Schema } from '@contract/schema';

export interface RequestForm {
  requesterKind?: RequesterKind;
  relation?: string;
  name: string;
  idNumber: string;
  employer: string;
  employerId?: string;
  position: string;
  years: string;
  retirementDate: string;
  phone: string;
  deliveryMethod?: 'pickup' | 'post';
  pickupStationId?: string;
  postAddress: string;
  callbackRequested: boolean;
  callbackTime?: string;
  /**
   * The optional certificate photo: `path` is what the preview shows (the chosen local file, or the
   * link of the one already sent); `fileID` is set once it is in cloud storage.
   */
  photo?: { path: string; type?: string; size?: number; fileID?: string };
}

export const emptyForm: RequestForm = {
  name: '',
  idNumber: '',
  employer: '',
  position: '',
  years: '',
  retirementDate: '',
  phone: '',
  postAddress: '',
  callbackRequested: false,
};

export type Errors = Partial<Record<keyof RequestForm, string>>;

function check(errors: Errors, key: keyof RequestForm, schema: Schema<unknown>, value: unknown): void {
  const r = schema.parse(value, key);
  if (!r.ok) errors[key] = r.issue.message;
}

/** The screens after the privacy notice, in order. */
export const STEPS = ['who', 'person', 'work', 'contact', 'photo', 'summary'] as const;
export type Step = (typeof STEPS)[number];

/** Checks one screen; an empty result lets the user go on. `resubmit` skips the identity number. */
export function validateStep(step: Step, f: RequestForm, resubmit = false): Errors {
  const e: Errors = {};
  if (step === 'who') {
    if (!f.requesterKind) e.requesterKind = '请选择由谁申请';
    if (f.requesterKind === 'family' && !f.relation) e.relation = '请选择您与退休职工的关系';
  }
  if (step === 'person') {
    check(e, 'name', retireeFields.name, f.name);
    if (!resubmit) check(e, 'idNumber', retireeFields.idNumber, f.idNumber);
  }
  if (step === 'work') {
    check(e, 'employer', retireeFields.employer, f.employer);
    check(e, 'position', retireeFields.position, f.position);
    check(e, 'years', retireeFields.yearsOfService, f.years === '' ? undefined : Number(f.years));
    if (!f.retirementDate) e.retirementDate = '请选择退休日期';
  }
  if (step === 'contact') {
    check(e, 'phone', retireeFields.phone, f.phone);
    if (!f.deliveryMethod) e.deliveryMethod = '请选择纪念牌怎么领取';
    if (f.deliveryMethod === 'pickup' && !f.pickupStationId) e.pickupStationId = '请选择领取地点';
    if (f.deliveryMethod === 'post') check(e, 'postAddress', retireeFields.postAddress, f.postAddress || undefined);
    if (f.deliveryMethod === 'post' && !f.postAddress) e.postAddress = '请填写邮寄地址';
    if (f.callbackRequested && !f.callbackTime) e.callbackTime = '请选择方便接电话的时间';
  }
  return e;
}

/** Which screen shows a field, so a server refusal naming the field can take the user there. */
export function stepOfField(field: string): Step {
  if (['requesterKind', 'relation'].includes(field)) return 'who';
  if (['name', 'idNumber'].includes(field)) return 'person';
  if (['employer', 'employerId', 'position', 'yearsOfService', 'retirementDate'].includes(field)) return 'work';
  if (field === 'photoFileId') return 'photo';
  return 'contact';
}

/** The retiree's details as the contract wants them (shared by submit and resubmit). */
export function retireePayload(f: RequestForm) {
  return {
    name: f.name.trim(),
    employer: f.employer.trim(),
    ...(f.employerId ? { employerId: f.employerId } : {}),
    position: f.position.trim(),
    yearsOfService: Number(f.years),
    retirementDate: f.retirementDate,
    phone: f.phone.trim(),
    deliveryMethod: f.deliveryMethod ?? 'pickup',
    ...(f.deliveryMethod === 'pickup' ? { pickupStationId: f.pickupStationId } : { postAddress: f.postAddress.trim() }),
    callbackRequested: f.callbackRequested,
    ...(f.callbackRequested ? { callbackTime: f.callbackTime as SubmitRequestInput['callbackTime'] } : {}),
  };
}

export function submitPayload(f: RequestForm): SubmitRequestInput {
  return {
    consent: true,
    requesterKind: f.requesterKind ?? 'self',
    ...(f.requesterKind === 'family' ? { relation: f.relation as SubmitRequestInput['relation'] } : {}),
    idNumber: f.idNumber.trim().toUpperCase(),
    ...retireePayload(f),
  };
}

/** `YYYY-MM-DD` shifted by whole days (calendar dates, no time zone involved). */
export function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
