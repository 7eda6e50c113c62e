import { App, Form, Modal, type FormInstance, type FormProps, type ModalProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm, problemMessage } from '../api/problem.ts';

export interface FormModalProps<V, I extends string = 'ok'> extends Omit<
  ModalProps,
  'open' | 'onOk' | 'onCancel' | 'confirmLoading' | 'footer'
> {
  form: FormInstance<V>;
  /** Shown by default: the caller mounts the modal only while it is wanted. */
  open?: boolean;
  initialValues?: FormProps<V>['initialValues'];
  /**
   * Sends the validated values; resolves with the success message, or false when nothing was sent
   * (the caller has told the user why) and the modal stays open.
   */
  onSubmit: (values: V, intent: I) => Promise<string | false>;
  onClose: () => void;
  /** After success and closing: reload what changed. */
  onDone?: () => Promise<void> | void;
  /**
   * A server field error's path (without `body`) as the form's field name; undefined skips it.
   * Without it, refusals are only shown as a message.
   */
  fieldOf?: (segments: string[]) => (string | number)[] | undefined;
  /** Above the form (a lead or warning). */
  lead?: ReactNode;
  /** A footer of its own, for several ways to submit; `busy` is the intent being sent. */
  footer?: (submit: (intent: I) => void, busy: I | undefined) => ReactNode;
  children: ReactNode;
}

/**
 * A modal with a vertical form: validates, sends, shows the success message and closes; a refusal
 * is shown as a message and its field errors are marked on the form, and the modal stays open.
 */
export function FormModal<V, I extends string = 'ok'>({
  form,
  open = true,
  initialValues,
  onSubmit,
  onClose,
  onDone,
  fieldOf,
  lead,
  footer,
  children,
  ...modal
}: FormModalProps<V, I>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<I>();

  const submit = async (intent: I) => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form marks the fields itself
    }
    setBusy(intent);
    try {
      const done = await onSubmit(values, intent);
      if (done === false) return;
      message.success(done);
      onClose();
      await onDone?.();
    } catch (err) {
      if (fieldOf) applyProblemToForm(t, form, err, fieldOf);
      message.error(problemMessage(t, err));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Modal
      {...modal}
      open={open}
      onOk={() => void submit('ok' as I)}
      confirmLoading={busy !== undefined}
      onCancel={onClose}
      {...(footer ? { footer: footer((intent) => void submit(intent), busy) } : {})}
    >
      {lead}
      <Form form={form} layout="vertical" initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}
