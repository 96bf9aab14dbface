import { SKILL_LEVELS, registrationFields, type SkillLevel } from '@contract/api/contest';
import { s } from '@contract/schema';

export interface FormState {
  employer: string;
  jobTitle: string;
  skillLevel: SkillLevel | undefined;
  yearsInTrade: string;
  phone: string;
}

export { SKILL_LEVELS };

const schema = s.object(registrationFields);

/** The same schema the cloud function checks, run on the phone first: every wrong field at once. */
export function validate(form: FormState) {
  const years = form.yearsInTrade.trim() === '' ? undefined : Number(form.yearsInTrade);
  const parsed = schema.parse({
    employer: form.employer,
    jobTitle: form.jobTitle,
    skillLevel: form.skillLevel,
    yearsInTrade: years,
    phone: form.phone.trim(),
    consent: true,
  });
  return parsed;
}
