import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { VideoRoom } from './VideoRoom.tsx';

/** The audio/video room on a page of its own (a member's second screen, an officer's watch). */
export default function VideoRoomPage() {
  const { t } = useTranslation();
  const { sectionId = '' } = useParams();
  return (
    <>
      <PageHeading title={t('evaluationVenues.video.title')} trail={[{ title: t('evaluationVenues.video.title') }]} />
      <div className="container page-body">
        <VideoRoom sectionId={sectionId} />
      </div>
    </>
  );
}
