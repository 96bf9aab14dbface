/**
 * The course form's draft and the saveCourse payload. A new course sends every field; an edit sends
 * only what the clerk changed, so another admin's edit of other fields is never written over. The
 * draft is checked whole either way, with the server's messages (the contract's schema).
 */
import {
  COURSE_FORMATS,
  COURSE_REQUIRED,
  saveCourseInput,
  type AcademyActions,
  type CourseAdmin,
  type CourseCategory,
  type CourseFormat,
} from '@contract/api/academy';
import { issuesOf, refusal, type Issue } from '@contract/schema';

export interface CourseDraft {
  title: string;
  category?: CourseCategory;
  /** '' until a teacher is picked (or when the course's teacher has no account). */
  teacherOpenid: string;
  teacherTitle: string;
  hours: string;
  formats: CourseFormat[];
  description: string;
}

type SaveInput = AcademyActions['saveCourse']['input'];
export type CourseFormResult =
  { ok: true; value: SaveInput; changed: boolean } | { ok: false; issue: Issue; issues?: Issue[] };

export function emptyDraft(): CourseDraft {
  return { title: '', teacherOpenid: '', teacherTitle: '', hours: '', formats: [], description: '' };
}

export function draftOf(c: CourseAdmin): CourseDraft {
  return {
    title: c.title,
    category: c.category,
    teacherOpenid: c.teacherOpenid ?? '',
    teacherTitle: c.teacherTitle,
    hours: String(c.hours),
    formats: [...c.formats],
    description: c.description,
  };
}

/** Ticks or unticks a format; the list stays in the catalogue's order (上门, 分课堂, 直播). */
/** Formats in the catalogue's order, whatever the order they were ticked in. */
export const inCatalogueOrder = (formats: CourseFormat[]): CourseFormat[] =>
  COURSE_FORMATS.filter((x) => formats.includes(x));

export function toggleFormat(formats: CourseFormat[], f: CourseFormat): CourseFormat[] {
  return inCatalogueOrder(formats.includes(f) ? formats.filter((x) => x !== f) : [...formats, f]);
}

/** Picks the teacher; an empty 称号 is filled from another course this teacher gives. */
export function pickTeacher(d: CourseDraft, openid: string, courses: CourseAdmin[]): CourseDraft {
  const known = courses.find((c) => c.teacherOpenid === openid)?.teacherTitle;
  return { ...d, teacherOpenid: openid, teacherTitle: d.teacherTitle.trim() ? d.teacherTitle : (known ?? '') };
}

/** A typed number that is not a whole number must fail the schema, not turn into 0. */
const toInt = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN);

function whole(d: CourseDraft) {
  return {
    title: d.title.trim() || undefined,
    category: d.category,
    teacherOpenid: d.teacherOpenid || undefined,
    teacherTitle: d.teacherTitle.trim() || undefined,
    hours: d.hours.trim() ? toInt(d.hours) : undefined,
    formats: d.formats.length ? d.formats : undefined,
    description: d.description.trim() || undefined,
  };
}

const PICKED = new Set(['category', 'teacherOpenid', 'formats']);

/** The payload for a new course (no `original`) or the changes to `original`. */
export function toSaveInput(d: CourseDraft, original?: CourseAdmin): CourseFormResult {
  const all = whole(d);
  // Every missing field at once; an edit may keep a teacher who has no account: only a new course must pick one.
  const missing = COURSE_REQUIRED.filter(([key]) => all[key] === undefined && !(key === 'teacherOpenid' && original));
  const parsed = saveCourseInput.parse(all);
  // The optional fields of the schema are only checked when present, so the two lists never overlap.
  const issues = [
    ...missing.map(([key, label]) => ({ path: key, message: `${PICKED.has(key) ? '请选择' : '请填写'}${label}` })),
    ...issuesOf(parsed),
  ];
  const refused = refusal(issues);
  if (refused || !parsed.ok) return refused!;
  const checked = parsed;
  if (!original) return { ok: true, value: checked.value, changed: true };
  const was = whole(draftOf(original));
  const changes: SaveInput = { courseId: original.id };
  for (const key of Object.keys(all) as (keyof typeof all)[]) {
    if (JSON.stringify(all[key]) !== JSON.stringify(was[key]) && all[key] !== undefined)
      Object.assign(changes, { [key]: checked.value[key] });
  }
  return { ok: true, value: changes, changed: Object.keys(changes).length > 1 };
}
