import { SaveOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentsApi, type DocumentView } from '../../../../api/documents.ts';
import { isGovernmentProcurementKind } from '@bidhall/contracts';
import { DeskProblem } from '../../DeskProblem.tsx';
import { useDesk } from '../../deskContext.ts';
import { MethodFields } from './MethodFields.tsx';
import { MethodTemplatePicker } from './MethodTemplatePicker.tsx';
import { methodOfType, RATIO_FORMULA, type AnyMethod, type MethodType } from './methodModel.ts';

const TENDER_TYPES: MethodType[] = ['scoring', 'lowestEvaluatedPrice'];
const REVIEW_TYPES: MethodType[] = ['pass', 'limitedNumber'];

/** The evaluation method editor (A-62; A-74 for the prequalification review method), started from a template if wished. */
export function MethodEditor({ doc, editable, onSaved }: { doc: DocumentView; editable: boolean; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { section } = useDesk();
  const types = doc.kind === 'prequalification' ? REVIEW_TYPES : TENDER_TYPES;
  // B-025: a government procurement section's method is checked against MOF Order 87 and starts with its formula.
  const government = doc.kind === 'tender' && isGovernmentProcurementKind(section.kind);
  const fresh = (): AnyMethod => {
    const m = methodOfType(types[0]!, null);
    return government && m.type === 'scoring' ? { ...m, priceFormula: RATIO_FORMULA } : m;
  };
  const initial = () => (doc.method && types.includes(doc.method.type) ? doc.method : fresh());
  const [method, setMethod] = useState<AnyMethod>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => setMethod(initial()), [doc.id, doc.updatedAt]);

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await documentsApi.saveMethod(doc.id, method);
      void message.success(t('desk.saved'));
      await onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="method-editor">
      <MethodFields
        method={method}
        types={types}
        editable={editable}
        onChange={setMethod}
        kind={doc.kind === 'tender' ? section.kind : undefined}
        between={
          <>
            {doc.kind === 'tender' && <MethodTemplatePicker doc={doc} editable={editable} onApplied={onSaved} onError={setError} />}
            <DeskProblem error={error} testId="method-problem" />
          </>
        }
      />
      {editable && (
        <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => void save()} data-testid="method-save">
          {t('desk.method.save')}
        </Button>
      )}
    </div>
  );
}
