import { Textarea, View } from '@tarojs/components';
import { Button } from '../button';
import { useState } from 'react';
import '../form-field/index.scss';
import './index.scss';

export interface Props {
  /** What is asked (退回原因, 寄出单号…): the card's heading, the field's name and the start of its error. */
  title: string;
  placeholder?: string;
  /** A line under the field saying what to write; an error takes its place. */
  hint?: string;
  /** Fewest characters accepted, spaces at either end not counted (default 2). */
  minLength?: number;
  maxLength?: number;
  confirmText?: string;
  /** The confirm button's text while `onConfirm` runs. */
  busyText?: string;
  /** Gets the trimmed text; the card stays busy until what it returns settles. Show your own errors. */
  onConfirm: (text: string) => unknown;
  onCancel: () => void;
}

/**
 * Asks for a line of text in the page itself, where the action was tapped: Taro's H5 showModal has no
 * text field (`editable` exists only in the mini-program), so every reason is asked for this one way.
 * Render it inside the PageShell so it takes the 长辈模式 sizes.
 */
export function ReasonSheet({
  title,
  placeholder,
  hint,
  minLength = 2,
  maxLength = 200,
  confirmText = '确定',
  busyText = '正在提交…',
  onConfirm,
  onCancel,
}: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    if (busy) return;
    const value = text.trim();
    if (value.length < minLength) return setError(`${title}请至少写${minLength}个字`);
    setBusy(true);
    try {
      await onConfirm(value);
    } catch (e) {
      // Callers show their own errors; one that escapes leaves the card open, text kept, to try again.
      console.error('[reason-sheet]', e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="reason-sheet">
      <View className="reason-sheet__title" role="heading" aria-level={2}>
        {title}
      </View>
      <Textarea
        className={`form-field__input form-field__input--multiline reason-sheet__input ${error ? 'reason-sheet__input--error' : ''}`}
        value={text}
        maxlength={maxLength}
        placeholder={placeholder}
        autoHeight
        focus
        aria-label={title}
        // H5 wraps a <textarea> in its own element: name the field itself too.
        nativeProps={{ 'aria-label': title }}
        onInput={(e) => (setText(e.detail.value), setError(''))}
      />
      {error ? (
        <View className="reason-sheet__error" role="alert">
          {error}
        </View>
      ) : hint ? (
        <View className="reason-sheet__hint">{hint}</View>
      ) : null}
      <View className="reason-sheet__actions">
        <Button variant="outline" className="reason-sheet__cancel" onClick={onCancel}>
          取消
        </Button>
        <Button
          className={`reason-sheet__confirm ${busy ? 'reason-sheet__confirm--busy' : ''}`}
          disabled={busy}
          onClick={confirm}
        >
          {busy ? busyText : confirmText}
        </Button>
      </View>
    </View>
  );
}
