/**
 * useForm, the one form hook: every wrong field is marked at once in words that say what to do, a
 * corrected field loses its message as soon as it changes, and a field shows the server's refusal when
 * the form has none of its own; the refusal goes when the user changes anything.
 */
import { act, renderHook } from '@testing-library/react';
import { s } from '@contract/schema';
import { useForm } from '../../../src/hooks/use-form';
import type { FieldError } from '../../../src/hooks/use-write';

const schema = s.object({
  name: s.string({ label: '姓名', min: 2, max: 20 }),
  headcount: s.int({ label: '参训人数', min: 1, max: 500 }),
  place: s.string({ label: '上课地点', min: 2, max: 80 }),
});
type Draft = { name: string; headcount: string; place: string };
const check = (d: Draft) => schema.parse({ ...d, headcount: /^\d+$/.test(d.headcount) ? Number(d.headcount) : NaN });

test('validate marks every wrong field at once, in copy that says what to do', () => {
  const { result } = renderHook(() => useForm<Draft, unknown>({ name: '', headcount: '600', place: '车间' }, check));
  let value: unknown = 'unset';
  act(() => {
    value = result.current.validate();
  });
  expect(value).toBeUndefined();
  expect(result.current.error('name')).toBe('请填写姓名（2–20个字）');
  expect(result.current.error('headcount')).toBe('参训人数请填写1到500之间的整数');
  expect(result.current.error('place')).toBeUndefined();
  // No machine verdicts left in what a worker reads.
  expect(Object.values(result.current.errors).join()).not.toMatch(/应为|不能为空|：/);
});

test('a corrected field loses its message at once; a still-wrong one shows the current one; others keep theirs', () => {
  const { result } = renderHook(() => useForm<Draft, unknown>({ name: '', headcount: '600', place: '' }, check));
  act(() => void result.current.validate());
  act(() => result.current.set('headcount')('45'));
  expect(result.current.error('headcount')).toBeUndefined();
  expect(result.current.error('name')).toBe('请填写姓名（2–20个字）');
  expect(result.current.error('place')).toBe('请填写上课地点（2–80个字）');
  act(() => result.current.set('name')('王'));
  expect(result.current.error('name')).toBe('请填写姓名（2–20个字）');
  act(() => result.current.set('name')('王芳'));
  expect(result.current.error('name')).toBeUndefined();
  // A field never marked is not marked by another's change, even while it is wrong.
  act(() => result.current.set('headcount')('0'));
  expect(result.current.error('headcount')).toBeUndefined();
  let value: unknown;
  act(() => {
    value = result.current.validate();
  });
  expect(value).toBeUndefined();
  expect(result.current.error('headcount')).toBe('参训人数请填写1到500之间的整数');
  act(() => result.current.patch({ headcount: '45', place: '三号车间' }));
  act(() => {
    value = result.current.validate();
  });
  expect(value).toEqual({ name: '王芳', headcount: 45, place: '三号车间' });
  expect(result.current.errors).toEqual({});
});

test("a field shows the server's refusal when the form has none of its own; any change clears it", () => {
  let fieldError: FieldError | null = { field: 'place.0', message: '上课地点请写到门牌号' };
  const server = {
    get fieldError() {
      return fieldError;
    },
    setFieldError: jest.fn((e: FieldError | null) => {
      fieldError = e;
    }),
  };
  const { result, rerender } = renderHook(() =>
    useForm<Draft, unknown>({ name: '王芳', headcount: '45', place: '车间' }, check, server),
  );
  expect(result.current.error('place')).toBe('上课地点请写到门牌号');
  expect(result.current.error('name')).toBeUndefined();
  act(() => result.current.set('place')('三号车间'));
  rerender();
  expect(server.setFieldError).toHaveBeenCalledWith(null);
  expect(result.current.error('place')).toBeUndefined();
});

test('load starts the draft once per loaded value, and a later edit is kept across renders', () => {
  const first = { name: '王芳', headcount: '45', place: '车间' };
  const { result, rerender } = renderHook(
    ({ data }) => {
      const form = useForm<Draft, unknown>({ name: '', headcount: '', place: '' }, check);
      form.load(data, (d) => ({ ...d }));
      return form;
    },
    { initialProps: { data: undefined as Draft | undefined } },
  );
  expect(result.current.draft.name).toBe('');
  rerender({ data: first });
  expect(result.current.draft).toEqual(first);
  act(() => result.current.set('place')('三号车间'));
  rerender({ data: first });
  expect(result.current.draft.place).toBe('三号车间');
  rerender({ data: { ...first, place: '新址' } });
  expect(result.current.draft.place).toBe('新址');
});

test('submit sends only a draft that passes, and answers what the send answered', async () => {
  const sent: unknown[] = [];
  const send = async (v: unknown) => (sent.push(v), 'saved');
  const { result } = renderHook(() => useForm<Draft, unknown>({ name: '王芳', headcount: 'x', place: '车间' }, check));
  let answer: unknown = 'unset';
  await act(async () => {
    answer = await result.current.submit(send);
  });
  expect(answer).toBeUndefined();
  expect(sent).toEqual([]);
  expect(result.current.error('headcount')).toBe('参训人数请填写1到500之间的整数');
  act(() => result.current.set('headcount')('45'));
  await act(async () => {
    answer = await result.current.submit(send);
  });
  expect(answer).toBe('saved');
  expect(sent).toEqual([{ name: '王芳', headcount: 45, place: '车间' }]);
});

test("text binds a field's value, its setter and its message", () => {
  const { result } = renderHook(() => useForm<Draft, unknown>({ name: '', headcount: '1', place: '车间' }, check));
  act(() => void result.current.validate());
  const bound = result.current.text('name');
  expect(bound.value).toBe('');
  expect(bound.error).toBe('请填写姓名（2–20个字）');
  act(() => bound.onInput('王芳'));
  expect(result.current.text('name')).toMatchObject({ value: '王芳', error: undefined });
  expect(result.current.pick('place')).toMatchObject({ value: '车间', error: undefined });
});
