/**
 * The one checked-in deployment config (`deploy.config.json` at the repository root): everything a
 * deployment needs that is not secret. Bundled into the cloud functions (template ids and field
 * mappings, the 小程序码 env version) and read by the app build (env id, AppID, subscribe templates)
 * and by `npm run deploy`. Secrets never go here: they come from environment variables.
 */
import raw from '../../deploy.config.json';

/** What a notice can fill a template field with; `config.templates.*.fields` maps field keys to these. */
export const VALUE_NAMES = ['subject', 'status', 'note', 'time', 'place', 'name', 'number'] as const;
export type ValueName = (typeof VALUE_NAMES)[number];

/** Every subscribe-message template the functions send, by purpose. */
export const TEMPLATE_KEYS = [
  'membershipReview',
  'contestReview',
  'contestResult',
  'courseOrder',
  'courseReminder',
  'retirementProgress',
  'giftExpiring',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** The moments the app asks for subscription (right after the submit), by flow. */
export const SUBSCRIBE_MOMENTS = [
  'membershipApply',
  'contestRegister',
  'courseOrder',
  'courseBooking',
  'retirementRequest',
  'giftClaim',
] as const;
export type SubscribeMoment = (typeof SUBSCRIBE_MOMENTS)[number];

export interface TemplateDef {
  /** The template's name in 小程序后台 (what the deployer picks from the public library). */
  title: string;
  /** Template id from 小程序后台 → 订阅消息 → 我的模板; '' until the deployer fills it in. */
  id: string;
  /** Template field key (thing1, time2, phrase3, character_string4, …) → what fills it. */
  fields: Record<string, ValueName>;
}

export interface FunctionSettings {
  /** Seconds (WeChat Cloud allows 1..900; the default 3 s is too short for our waits). */
  timeout: number;
  /** MB: 128, 256, 512, 1024, 2048. */
  memory: number;
  runtime: string;
}

export interface DeployConfig {
  appId: string;
  envId: string;
  region: string;
  weapp: { robot: number; envVersion: 'release' | 'trial' | 'develop' };
  /** Base of the certificate's printed verify link, `https://<domain>/rv` (the page opens with ?t=<token>). */
  verifyUrl: string;
  functions: { defaults: FunctionSettings } & Record<string, Partial<FunctionSettings>>;
  templates: Record<TemplateKey, TemplateDef>;
  subscribe: Record<SubscribeMoment, TemplateKey[]>;
}

export const deployConfig = raw as unknown as DeployConfig;

/** A function's settings: its own over the defaults. */
export function functionSettings(config: DeployConfig, name: string): FunctionSettings {
  return { ...config.functions.defaults, ...(config.functions[name] ?? {}) };
}

/** Field keys WeChat knows, with their limits (characters) and what they accept. */
export const FIELD_KINDS = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  number: 32,
  letter: 32,
  time: 0,
  date: 0,
  amount: 0,
  phone_number: 17,
  car_number: 8,
} as const;
export type FieldKind = keyof typeof FIELD_KINDS;

/** `thing12` → `thing`; `character_string3` → `character_string`; null for an unknown key. */
export function fieldKind(key: string): FieldKind | null {
  const m = /^([a-z_]+?)(\d+)$/.exec(key);
  return m && m[1] in FIELD_KINDS ? (m[1] as FieldKind) : null;
}

/**
 * Everything wrong with a config, in words a deployer can act on (empty when it is complete).
 * `forRelease` also requires the values only a real deployment has (AppID, env id, template ids).
 */
export function configProblems(config: DeployConfig, functionNames: string[], forRelease = true): string[] {
  const out: string[] = [];
  if (forRelease) {
    if (!/^wx[0-9a-f]{16}$/.test(config.appId ?? ''))
      out.push(`appId: "${config.appId ?? ''}" is not an AppID (wx + 16 hex; 小程序后台 → 开发 → 开发管理 → 开发设置)`);
    if (!config.envId) out.push('envId: empty (the CloudBase environment id, 云开发控制台 → 环境 → 环境ID)');
    if (!/^https:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(config.verifyUrl ?? '') || /example\./.test(config.verifyUrl))
      out.push(
        `verifyUrl: "${config.verifyUrl ?? ''}" must be the https link printed on certificates, e.g. https://<your domain>/rv`,
      );
  }
  if (!['release', 'trial', 'develop'].includes(config.weapp?.envVersion))
    out.push('weapp.envVersion: one of release, trial, develop');
  for (const name of functionNames) {
    const s = functionSettings(config, name);
    if (!Number.isInteger(s.timeout) || s.timeout < 1 || s.timeout > 900)
      out.push(`functions.${name}.timeout: ${s.timeout} (whole seconds, 1..900)`);
    if (![128, 256, 512, 1024, 2048].includes(s.memory))
      out.push(`functions.${name}.memory: ${s.memory} (128, 256, 512, 1024 or 2048 MB)`);
  }
  for (const key of TEMPLATE_KEYS) {
    const t = config.templates?.[key];
    if (!t) {
      out.push(`templates.${key}: missing`);
      continue;
    }
    if (forRelease && !t.id)
      out.push(`templates.${key}.id: empty (小程序后台 → 订阅消息 → 选用「${t.title}」, copy its 模板ID)`);
    for (const [field, value] of Object.entries(t.fields ?? {})) {
      if (!fieldKind(field)) out.push(`templates.${key}.fields.${field}: not a WeChat field key (thing1, time2, …)`);
      if (!(VALUE_NAMES as readonly string[]).includes(value))
        out.push(`templates.${key}.fields.${field}: "${value}" is not one of ${VALUE_NAMES.join(', ')}`);
    }
    if (!Object.keys(t.fields ?? {}).length) out.push(`templates.${key}.fields: empty`);
  }
  for (const moment of SUBSCRIBE_MOMENTS) {
    const keys = config.subscribe?.[moment];
    if (!Array.isArray(keys) || keys.length === 0 || keys.length > 3)
      out.push(`subscribe.${moment}: 1 to 3 template keys (WeChat asks for at most 3 at once)`);
    else for (const k of keys) if (!config.templates?.[k]) out.push(`subscribe.${moment}: unknown template ${k}`);
  }
  return out;
}
