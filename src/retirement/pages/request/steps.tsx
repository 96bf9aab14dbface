import { Picker, Switch, View } from '@tarojs/components';
import { CALLBACK_TIMES, FAMILY_RELATIONS, REQUESTER_LABELS, type FormOptions } from '@contract/api/retirement';
import { FormField, TextField } from '../../../components/form-field';
import { Choices } from '../../components/choices';
import { formatDay } from '../../components/status';
import { shiftDate, type Errors, type RequestForm } from './form-state';

export interface StepProps {
  form: RequestForm;
  errors: Errors;
  set: (patch: Partial<RequestForm>) => void;
  options: FormOptions;
  resubmit?: boolean;
  idMasked?: string;
  /** An employer's list (the batch page): the employer is fixed, so the work screen does not ask for it. */
  fixedEmployer?: boolean;
}

export function WhoStep({ form, errors, set }: StepProps) {
  return (
    <View>
      <View className="retirement-wizard__question">这次是谁来申请？</View>
      <Choices
        name="who"
        value={form.requesterKind}
        error={errors.requesterKind}
        onSelect={(v) => set({ requesterKind: v as RequestForm['requesterKind'], relation: undefined })}
        options={[
          { value: 'self', label: `我是退休职工本人（${REQUESTER_LABELS.self}）` },
          { value: 'family', label: '我是家属，帮长辈代办', hint: '需要说明与退休职工的关系' },
          { value: 'employer', label: '我是单位工会，为本单位职工代办' },
        ]}
      />
      {form.requesterKind === 'family' ? (
        <View>
          <View className="retirement-wizard__question">您是退休职工的：</View>
          <Choices
            name="relation"
            value={form.relation}
            error={errors.relation}
            onSelect={(v) => set({ relation: v })}
            options={FAMILY_RELATIONS.map((r) => ({ value: r, label: r }))}
          />
        </View>
      ) : null}
    </View>
  );
}

export function PersonStep({ form, errors, set, resubmit, idMasked }: StepProps) {
  return (
    <View>
      <TextField
        label="退休职工姓名"
        name="name"
        value={form.name}
        error={errors.name}
        onInput={(name) => set({ name })}
        maxlength={20}
        placeholder="请填写身份证上的姓名"
      />
      {resubmit ? (
        <FormField label="身份证号" hint="身份证号不能修改，如填错请联系工会">
          <View className="form-field__input retirement-request__readonly">{idMasked}</View>
        </FormField>
      ) : (
        <TextField
          label="身份证号"
          name="idNumber"
          type="idcard"
          maxlength={18}
          value={form.idNumber}
          error={errors.idNumber}
          onInput={(idNumber) => set({ idNumber })}
          hint="只用于核对身份、防止重复发证，系统不保存完整号码"
        />
      )}
    </View>
  );
}

/** Which employer: one of the registered ones, or a name typed in. */
function EmployerChoice({ form, errors, set, options }: StepProps) {
  const listed = options.employers.map((e) => ({ value: e.id, label: e.name }));
  const other = { value: 'other', label: '列表里没有，我来填写单位名称' };
  const chosen = form.employerId ?? (form.employer ? 'other' : undefined);
  return (
    <View>
      <View className="retirement-wizard__question">退休前在哪个单位工作？</View>
      <Choices
        name="employer"
        value={chosen}
        error={errors.employer}
        onSelect={(v) => {
          const hit = options.employers.find((e) => e.id === v);
          set(
            hit
              ? { employerId: hit.id, employer: hit.name }
              : { employerId: undefined, employer: form.employerId ? '' : form.employer },
          );
        }}
        options={[...listed, other]}
      />
      {chosen === 'other' || (!form.employerId && form.employer) ? (
        <TextField
          label="单位名称"
          name="employer"
          value={form.employer}
          error={errors.employer}
          onInput={(employer) => set({ employer, employerId: undefined })}
          maxlength={60}
          placeholder="如：嘉兴某某纺织厂"
        />
      ) : null}
    </View>
  );
}

export function WorkStep(props: StepProps) {
  const { form, errors, set, options, fixedEmployer } = props;
  const start = shiftDate(options.today, -options.pastDays);
  const end = shiftDate(options.today, options.futureDays);
  return (
    <View>
      {fixedEmployer ? null : <EmployerChoice {...props} />}
      <TextField
        label="岗位或工种"
        name="position"
        value={form.position}
        error={errors.position}
        onInput={(position) => set({ position })}
        maxlength={30}
        placeholder="如：挡车工、钳工"
      />
      <TextField
        label="工龄（年）"
        name="years"
        type="number"
        maxlength={2}
        value={form.years}
        error={errors.years}
        onInput={(years) => set({ years })}
      />
      <FormField label="退休日期" error={errors.retirementDate} hint={`可选${formatDay(start)}至${formatDay(end)}`}>
        <Picker
          mode="date"
          className="field-retirementDate"
          value={form.retirementDate || options.today}
          start={start}
          end={end}
          onChange={(e) => set({ retirementDate: String(e.detail.value) })}
        >
          <View className="form-field__input form-field__picker" aria-label="退休日期">
            {form.retirementDate ? (
              formatDay(form.retirementDate)
            ) : (
              <View className="form-field__placeholder">点这里选择日期</View>
            )}
          </View>
        </Picker>
      </FormField>
    </View>
  );
}

export function ContactStep({ form, errors, set, options }: StepProps) {
  return (
    <View>
      <TextField
        label="联系电话"
        name="phone"
        type="number"
        maxlength={11}
        value={form.phone}
        error={errors.phone}
        onInput={(phone) => set({ phone })}
        hint="工会通知领取时会打这个电话"
      />
      <View className="retirement-wizard__question">纪念牌怎么领取？</View>
      <Choices
        name="delivery"
        value={form.deliveryMethod}
        error={errors.deliveryMethod}
        onSelect={(v) => set({ deliveryMethod: v as RequestForm['deliveryMethod'] })}
        options={[
          { value: 'pickup', label: '到颁发仪式现场领取', hint: '与其他退休职工一起参加仪式' },
          { value: 'post', label: '邮寄到家', hint: '行动不便可选邮寄' },
        ]}
      />
      {form.deliveryMethod === 'pickup' ? (
        <View>
          <View className="retirement-wizard__question">选择领取地点</View>
          <Choices
            name="place"
            value={form.pickupStationId}
            error={errors.pickupStationId}
            onSelect={(pickupStationId) => set({ pickupStationId })}
            options={options.places.map((p) => ({ value: p.id, label: p.name, hint: p.address }))}
          />
        </View>
      ) : null}
      {form.deliveryMethod === 'post' ? (
        <TextField
          label="邮寄地址"
          name="postAddress"
          value={form.postAddress}
          error={errors.postAddress}
          onInput={(postAddress) => set({ postAddress })}
          maxlength={120}
          placeholder="区县、街道、小区、门牌号"
        />
      ) : null}
      <View className="card retirement-request__callback">
        <View className="retirement-request__callback-row">
          <View>
            <View className="retirement-request__callback-title">需要工作人员电话回访</View>
            <View className="retirement-request__callback-hint">不会用手机填写也没关系，我们打电话帮您</View>
          </View>
          <Switch
            className="field-callback"
            checked={form.callbackRequested}
            color="#c8161d"
            onChange={(e) => set({ callbackRequested: !!e.detail.value })}
          />
        </View>
        {form.callbackRequested ? (
          <Choices
            name="callbackTime"
            value={form.callbackTime}
            error={errors.callbackTime}
            onSelect={(callbackTime) => set({ callbackTime })}
            options={CALLBACK_TIMES.map((t) => ({ value: t, label: t }))}
          />
        ) : null}
      </View>
    </View>
  );
}
