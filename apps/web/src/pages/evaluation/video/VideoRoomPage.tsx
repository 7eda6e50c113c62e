import type { Sitting } from '@bidhall/contracts';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { EvaluationSittingContext, roomPath, roomWords, videoWords } from '../sitting.ts';
import { VideoRoom } from './VideoRoom.tsx';

/**
 * The audio/video room on a page of its own (a member's second screen, an officer's watch): the bids'
 * evaluation's, or with `sitting` 'application' the prequalification review's (decision 0032).
 */
export default function VideoRoomPage({ sitting = 'bid' }: { sitting?: Sitting }) {
  const { t } = useTranslation();
  const { sectionId = '' } = useParams();
  const title = t(`${videoWords(sitting)}.video.title`);
  return (
    <EvaluationSittingContext.Provider value={sitting}>
      <PageHeading title={title} trail={[{ title: t(`${roomWords(sitting)}.title`), to: roomPath(sectionId, sitting) }, { title }]} />
      <div className="container page-body">
        <VideoRoom sectionId={sectionId} />
      </div>
    </EvaluationSittingContext.Provider>
  );
}
