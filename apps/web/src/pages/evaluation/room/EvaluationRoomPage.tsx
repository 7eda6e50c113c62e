import type { EvaluationView, Sitting } from '@bidhall/contracts';
import { Alert, Card, Skeleton, Space, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { evaluationApi } from '../../../api/evaluation.ts';
import { projectsApi } from '../../../api/projects.ts';
import { useSession } from '../../../auth/SessionContext.tsx';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { formatTime } from '../../../format.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { ServerTime } from '../../projects/ServerTime.tsx';
import { EvaluationSittingContext, roomWords } from '../sitting.ts';
import { ChairPicker } from './ChairPicker.tsx';
import { MembersCard } from './MembersCard.tsx';
import { OpenForm } from './OpenForm.tsx';
import { RepresentativesForm } from './RepresentativesForm.tsx';
import { ROOM_PANELS } from './roomPanels.tsx';
import { ScoringWorkspace } from './ScoringWorkspace.tsx';
import { SignInCard } from './SignInCard.tsx';
import { SummaryPanel } from './SummaryPanel.tsx';
import { WindowCountdown } from './WindowCountdown.tsx';
import './room.css';

/** Progress moves as members sign in and submit elsewhere: the room asks again this often. */
const REFRESH_MS = 15_000;
const STATE_COLOURS: Record<EvaluationView['state'], string> = { notOpened: 'default', open: 'processing', scoring: 'blue', summarised: 'success' };

/** The section's name: experts reach no section page, so theirs comes from their own evaluations. */
function useSectionTitle(sectionId: string, kind: string | undefined) {
  // Either sitting's item names the section: the review and the evaluation of one section share it.
  return useLoader(async () => {
    if (kind === 'expert') {
      const mine = (await evaluationApi.mine()).find((e) => e.sectionId === sectionId);
      return mine ? { name: mine.sectionName, code: mine.sectionCode } : null;
    }
    const s = await projectsApi.section(sectionId);
    return { name: s.name, code: s.code };
  }, [sectionId, kind]);
}

/**
 * 评标室 (issue 12 §4, decision 0025): one page for everyone in the evaluation of a section, by role.
 * Staff open it with its window and name the chair; the tenderer names its representatives; a member
 * signs in and fills their own sheet; the chair computes the summary. Everyone with access sees the
 * members, the progress and the time left on the server's clock. With `sitting` 'application' it is the
 * 资格审查室 of a prequalification section (decision 0032): the applications reviewed without price, in
 * the review's words, without the bids' comparison and clarifications.
 */
export default function EvaluationRoomPage({ sitting = 'bid' }: { sitting?: Sitting }) {
  return (
    <EvaluationSittingContext.Provider value={sitting}>
      <Room sitting={sitting} />
    </EvaluationSittingContext.Provider>
  );
}

function Room({ sitting }: { sitting: Sitting }) {
  const { t } = useTranslation();
  const { sectionId = '' } = useParams();
  const { user } = useSession();
  const w = roomWords(sitting);
  const loaded = useLoader(() => evaluationApi.view(sectionId, sitting), [sectionId, sitting]);
  const title = useSectionTitle(sectionId, user?.kind);
  const [view, setView] = useState<EvaluationView>();
  const [tab, setTab] = useState<string>();
  useEffect(() => setView(loaded.data), [loaded.data]);
  const reload = useCallback(() => void loaded.reload(), [loaded]);
  useEffect(() => {
    const timer = window.setInterval(() => void loaded.reload(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [loaded]);

  const v = view;
  const me = v?.members.find((m) => m.self);
  const isStaff = user?.kind === 'staff';
  const isTenderer = user?.kind === 'entity' && !!user.entity?.roles.includes('tenderer');
  const insider = !!me || user?.kind === 'staff' || user?.kind === 'supervisor';
  const heading = title.data ? `${t(`${w}.title`)} · ${title.data.name}` : t(`${w}.title`);
  const back = user?.kind === 'expert' ? '/expert/invitations' : `/projects/sections/${sectionId}`;

  const overview = v && (
    <Space direction="vertical" size={16} className="room-stack">
      {v.state === 'notOpened' && (isStaff ? <Card title={t(`${w}.open.title`)}><OpenForm sectionId={sectionId} onOpened={setView} /></Card> : <Alert type="info" showIcon title={t(`${w}.notOpened`)} />)}
      {v.state !== 'notOpened' && (
        <MembersCard view={v}>
          {isStaff && v.state !== 'summarised' && <ChairPicker view={v} onChanged={setView} />}
          {isTenderer && v.state !== 'summarised' && v.representativesNeeded !== null && v.representativesNeeded > 0 && <RepresentativesForm view={v} onChanged={setView} />}
        </MembersCard>
      )}
    </Space>
  );

  const items = v
    ? [
        { key: 'overview', label: t(`${w}.tabs.overview`), children: overview },
        ...(me && v.state !== 'notOpened'
          ? [
              {
                key: 'sheet',
                label: t(`${w}.tabs.sheet`),
                children: me.signedIn ? <ScoringWorkspace view={v} onSubmitted={reload} /> : <SignInCard view={v} onSignedIn={reload} />,
              },
            ]
          : []),
        ...(insider && v.state !== 'notOpened' ? [{ key: 'summary', label: t(`${w}.tabs.summary`), children: <SummaryPanel view={v} chair={!!me?.chair} onComputed={setView} /> }] : []),
        // The report, the video room, the venues and the monitor mount here (roomPanels.tsx).
        ...ROOM_PANELS.filter((p) => p.shows(v, user?.kind ?? '')).map((p) => ({ key: p.key, label: t(((sitting === 'application' && p.reviewLabel) || p.label) as never), children: p.render(v, reload) })),
      ]
    : [];
  // A member lands on their own sheet, everyone else on the overview; the summary once it exists.
  const landing = v?.summary ? 'summary' : me && v?.state !== 'notOpened' ? 'sheet' : 'overview';

  return (
    <div data-testid="evaluation-room" data-state={v?.state} data-sitting={sitting}>
      <PageHeading
        title={heading}
        subtitle={
          v && (
            <Space wrap>
              <Tag color={STATE_COLOURS[v.state]} data-testid="evaluation-state">{t(`evaluation.states.${v.state}`)}</Tag>
              {title.data && <span className="mono">{title.data.code}</span>}
              {v.window && <span>{t(`${w}.window.range`, { start: formatTime(v.window.startsAt), end: formatTime(v.window.endsAt) })}</span>}
              {v.method && <span>{t(`evaluation.methods.${v.method}`)}</span>}
            </Space>
          )
        }
        trail={[{ title: title.data?.name ?? '…', to: back }, { title: t(`${w}.title`) }]}
        extra={
          <Space direction="vertical" align="end" size={2}>
            {v?.window && v.state !== 'summarised' && <WindowCountdown startsAt={v.window.startsAt} endsAt={v.window.endsAt} onOver={reload} />}
            <ServerTime />
          </Space>
        }
      />
      <div className="container page-body">
        {!v ? (
          loaded.error ? <LoadError error={loaded.error} onRetry={reload} /> : <Skeleton active paragraph={{ rows: 10 }} />
        ) : (
          <Tabs activeKey={tab ?? landing} onChange={setTab} items={items} data-testid="evaluation-tabs" />
        )}
      </div>
    </div>
  );
}
