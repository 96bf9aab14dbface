import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { RetirementRequestView } from '@contract/api/retirement';
import { PageShell } from '../../../components/page-shell';
import { StateView } from '../../../components/state-view';
import { useAsync } from '../../../hooks/use-async';
import { useForm } from '../../../hooks/use-form';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { uploadRetirementPhoto } from '../../../services/retirement-photo';
import { hasConsented, recordConsent } from '../../../stores/consent';
import {
  emptyForm,
  retireePayload,
  stepOfField,
  STEPS,
  submitPayload,
  validateStep,
  type RequestForm,
  type Step,
} from './form-state';
import { clearDraft, draftKey, isFilled, loadDraft, saveDraft } from './draft';
import { PhotoStep } from './photo-step';
import { ContactStep, PersonStep, WhoStep, WorkStep } from './steps';
import { Summary } from './summary';
import './index.scss';
import { askSubscription } from '../../../utils/subscribe';

const LEAVE_TITLE = '放弃填写？';
const LEAVE_TEXT = '已填写的内容会保存在本机，下次打开本页可以接着填（身份证号需重新填写）。';
const ID_NOT_KEPT = '为保护隐私，身份证号没有保存在手机上，请重新填写';

/**
 * Asks before the page is left with a filled form: weapp's own alert on back; in H5 the browser's
 * prompt on reload or close. The draft is kept either way; this says so before it happens.
 */
function useLeaveGuard(active: boolean) {
  useEffect(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // Optional calls: older base libraries (and the simulator) lack them; the draft is kept anyway.
      try {
        if (active) Taro.enableAlertBeforeUnload?.({ message: `${LEAVE_TITLE}${LEAVE_TEXT}` });
        else Taro.disableAlertBeforeUnload?.();
      } catch {
        // Not supported here.
      }
      return () => {
        try {
          Taro.disableAlertBeforeUnload?.();
        } catch {
          // Not supported here.
        }
      };
    }
    if (!active || typeof window === 'undefined') return undefined;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = LEAVE_TITLE;
      return LEAVE_TITLE;
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [active]);
}

const TITLES: Record<Step, string> = {
  who: '谁来申请',
  person: '退休职工是谁',
  work: '工作情况',
  contact: '联系方式与领取',
  photo: '照片（可选）',
  summary: '核对并提交',
};

/** A returned request, corrected: the same screens prefilled (the phone is asked again: we only hold it masked). */
function fromView(v: RetirementRequestView): RequestForm {
  return {
    ...emptyForm,
    requesterKind: v.requesterKind,
    relation: v.relation,
    name: v.name,
    employer: v.employer,
    employerId: v.employerId,
    position: v.position,
    years: String(v.yearsOfService),
    retirementDate: v.retirementDate,
    deliveryMethod: v.delivery.method,
    pickupStationId: v.delivery.stationId,
    postAddress: v.delivery.address ?? '',
    callbackRequested: v.callbackRequested,
    callbackTime: v.callbackTime,
    // The photo already sent stays unless they remove or replace it.
    photo: v.photoFileId && v.photoUrl ? { path: v.photoUrl, fileID: v.photoFileId } : undefined,
  };
}

function Consent({ onAgree }: { onAgree: () => void }) {
  return (
    <View className="card consent">
      <View className="consent__title">申请前请阅读隐私说明</View>
      <View className="consent__text">
        为给您颁发「光荣退休」纪念证书和纪念牌，我们需要收集退休职工的姓名、身份证号、工作单位、退休日期和联系电话。
      </View>
      <View className="consent__text">
        身份证号只用于核对身份、防止重复发证，系统只保存加密后的校验值和前3后4位；电话只用于通知领取。信息仅区总工会和原单位工会审核时使用，不会用于其他用途。
      </View>
      <Button className="consent__agree" onClick={onAgree}>
        我已阅读并同意，开始申请
      </Button>
    </View>
  );
}

export default function RetirementRequestPage() {
  const resubmitId = useRouter().params.id;
  const options = useAsync(() => api.retirement.formOptions(), []);
  const existing = useAsync(
    () => (resubmitId ? api.retirement.getRequest({ id: resubmitId }) : Promise.resolve(null)),
    [resubmitId],
  );
  const steps = STEPS.filter((s) => !(resubmitId && s === 'who'));
  const [consented, setConsented] = useState(() => !!resubmitId || hasConsented('retirement'));
  const [index, setIndex] = useState(0);
  const { draft: form, reset: setForm, update, errors, setErrors, patch: set } = useForm<RequestForm>(emptyForm);
  const [done, setDone] = useState<RetirementRequestView | null>(null);
  const step = steps[index];

  // The draft: restored once the user's key (and a returned request) is known, saved on every change.
  const userKey = options.data?.photoUploaderKey;
  const key = userKey ? draftKey(userKey, resubmitId) : '';
  const start = useRef<RequestForm>(emptyForm);
  const [restored, setRestored] = useState<{ savedAt: number } | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready || !options.data || (resubmitId && !existing.data)) return;
    if (existing.data) start.current = fromView(existing.data);
    const draft = key ? loadDraft(key) : null;
    if (draft && isFilled(draft.form, start.current)) {
      const personAt = steps.indexOf('person');
      const at = Math.min(Math.max(0, draft.index), steps.length - 1);
      setForm({ ...start.current, ...draft.form, idNumber: '' });
      // Past the identity number, which is never kept: back to it, saying why.
      if (!resubmitId && at > personAt) {
        setIndex(personAt);
        setErrors({ idNumber: ID_NOT_KEPT });
      } else setIndex(at);
      setRestored({ savedAt: draft.savedAt });
    } else setForm(start.current);
    setReady(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, options.data, existing.data, ready]);
  useEffect(() => {
    if (ready && key && !done && isFilled(form, start.current)) saveDraft(key, form, index);
  }, [ready, key, form, index, done]);

  const filled = ready && consented && !done && isFilled(form, start.current);
  useLeaveGuard(filled);

  const startOver = async () => {
    const res = await Taro.showModal({
      title: '清空重填？',
      content: '已填写的内容将被清空，需要从头填写。',
      confirmText: '清空',
      cancelText: '取消',
    });
    if (!res.confirm) return;
    clearDraft(key);
    setForm(start.current);
    setErrors({});
    setIndex(0);
    setRestored(null);
  };

  /** Leaving from the first screen: asked first when something is filled in. */
  const leave = async () => {
    if (filled) {
      const res = await Taro.showModal({
        title: LEAVE_TITLE,
        content: LEAVE_TEXT,
        confirmText: '离开',
        cancelText: '继续填写',
      });
      if (!res.confirm) return;
    }
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.redirectTo({ url: '/retirement/pages/mine/index' });
  };

  const [uploading, setUploading] = useState(false);
  // The photo's fileID for this submission, decided (uploaded, or dropped) just before it is sent.
  const photoFileId = useRef<string | undefined>(undefined);
  // The intent is what is sent: the form (its local photo aside, which gains a fileID on upload) and the photo's fileID.
  const {
    run: submit,
    busy,
    fieldError,
  } = useWrite((x: { form: RequestForm; photoFileId?: string }, requestId) => {
    const photo = x.photoFileId ? { photoFileId: x.photoFileId } : {};
    return resubmitId
      ? api.retirement.resubmitRequest({ id: resubmitId, ...retireePayload(x.form), ...photo }, requestId)
      : api.retirement.submitRequest({ ...submitPayload(x.form), ...photo }, requestId);
  });

  // A refusal naming a field takes the user back to the screen holding it, with the message there.
  useEffect(() => {
    if (!fieldError) return;
    const renamed: Record<string, keyof RequestForm> = { yearsOfService: 'years', photoFileId: 'photo' };
    const key = renamed[fieldError.field] ?? (fieldError.field as keyof RequestForm);
    // A photo the server could not find is dropped: they choose again or go on without.
    if (key === 'photo') update((f) => ({ ...f, photo: undefined }));
    setErrors({ [key]: fieldError.message });
    const at = steps.indexOf(stepOfField(fieldError.field));
    if (at >= 0) setIndex(at);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fieldError]);

  /**
   * Puts the chosen photo in cloud storage (once). If that fails they are told why and may go on
   * without it: answers false to stay on the summary.
   */
  const preparePhoto = async (): Promise<boolean> => {
    photoFileId.current = form.photo?.fileID;
    if (!form.photo || form.photo.fileID) return true;
    setUploading(true);
    try {
      // Under the caller's own folder (formOptions), the only place the server accepts their photo from.
      const fileID = await uploadRetirementPhoto(form.photo, options.data?.photoUploaderKey);
      photoFileId.current = fileID;
      update((f) => (f.photo ? { ...f, photo: { ...f.photo, fileID } } : f));
      return true;
    } catch (e) {
      const reason = e instanceof Error && e.message ? e.message : '照片没能上传';
      const res = await Taro.showModal({
        title: '照片没能上传',
        content: `${reason}。点「继续提交」不带照片提交申请；点「返回」可以重试或换一张照片。`,
        confirmText: '继续提交',
        cancelText: '返回',
      });
      if (!res.confirm) return false;
      set({ photo: undefined });
      return true;
    } finally {
      setUploading(false);
    }
  };

  // A double tap must not upload or submit twice (state updates land too late to stop the second tap).
  const sending = useRef(false);
  const next = async () => {
    if (step === 'summary') {
      if (sending.current) return;
      sending.current = true;
      // Asked in the tap itself (before the photo upload), the only moment WeChat allows the prompt.
      askSubscription('retirementRequest');
      try {
        if (!(await preparePhoto())) return;
        const view = await submit({ form: { ...form, photo: undefined }, photoFileId: photoFileId.current });
        if (view) {
          clearDraft(key, form.photo);
          setDone(view);
        }
      } finally {
        sending.current = false;
      }
      return;
    }
    const found = validateStep(step, form, !!resubmitId);
    setErrors(found);
    if (Object.keys(found).length) {
      void Taro.showToast({ title: '请按红字提示修改', icon: 'none' });
      return;
    }
    setIndex(index + 1);
    void Taro.pageScrollTo?.({ scrollTop: 0, duration: 0 });
  };

  const agree = () => {
    recordConsent('retirement');
    setConsented(true);
  };

  const stepProps = {
    form,
    errors,
    set,
    options: options.data!,
    resubmit: !!resubmitId,
    idMasked: existing.data?.idMasked,
  };
  const loadError = options.error ?? existing.error;

  return (
    <PageShell className="retirement-request">
      <StateView
        loading={options.loading || existing.loading}
        error={loadError}
        onRetry={() => (options.error ? options.reload() : existing.reload())}
      >
        {options.data && !options.data.open ? (
          <View className="card">本年度光荣退休申请暂未开放，请留意工会通知。</View>
        ) : null}
        {options.data?.open && done ? (
          <View className="card retirement-request__done">
            <View className="retirement-request__done-mark">✓</View>
            <View className="retirement-request__done-title">{resubmitId ? '已重新提交' : '申请已提交'}</View>
            <View className="retirement-request__done-text">
              {done.name}
              的光荣退休申请已收到。原单位工会核实、区总工会审批后，电子证书会发到「我的申请」，我们也会发消息通知您。
            </View>
            <Button
              className="retirement-request__to-mine"
              onClick={() => Taro.redirectTo({ url: '/retirement/pages/mine/index' })}
            >
              查看申请进度
            </Button>
          </View>
        ) : null}
        {options.data?.open && !done && !consented ? <Consent onAgree={agree} /> : null}
        {options.data?.open && !done && consented ? (
          <View className="retirement-wizard">
            <View className="retirement-wizard__progress">
              第{index + 1}步 / 共{steps.length}步 · {TITLES[step]}
            </View>
            {restored ? (
              <View className="card retirement-wizard__restored" role="status">
                <View>已为您恢复上次没有提交的填写内容。</View>
                <Button variant="outline" className="retirement-wizard__start-over" onClick={() => void startOver()}>
                  清空重填
                </Button>
              </View>
            ) : null}
            {step === 'who' ? <WhoStep {...stepProps} /> : null}
            {step === 'person' ? <PersonStep {...stepProps} /> : null}
            {step === 'work' ? <WorkStep {...stepProps} /> : null}
            {step === 'contact' ? <ContactStep {...stepProps} /> : null}
            {step === 'photo' ? <PhotoStep {...stepProps} /> : null}
            {step === 'summary' ? (
              <Summary
                form={form}
                options={options.data}
                idMasked={existing.data?.idMasked}
                onEdit={(s) => setIndex(steps.indexOf(s))}
              />
            ) : null}
            <View className="row-actions retirement-wizard__actions">
              {index > 0 ? (
                <Button variant="outline" className="retirement-wizard__back" onClick={() => setIndex(index - 1)}>
                  上一步
                </Button>
              ) : (
                <Button variant="outline" className="retirement-wizard__back" onClick={() => void leave()}>
                  返回
                </Button>
              )}
              <Button className="retirement-wizard__next" busy={busy || uploading} onClick={next}>
                {step === 'summary' ? (uploading ? '正在上传照片…' : busy ? '正在提交…' : '确认提交') : '下一步'}
              </Button>
            </View>
          </View>
        ) : null}
      </StateView>
    </PageShell>
  );
}
