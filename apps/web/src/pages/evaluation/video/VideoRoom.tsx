import { AudioMutedOutlined, AudioOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useEvaluationSitting, videoWords } from '../sitting.ts';
import { useVideoRoom } from './useVideoRoom.ts';
import './video.css';

function VideoTile({ stream, label, muted, testId, state }: { stream: MediaStream | null; label: string; muted: boolean; testId: string; state?: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== stream) ref.current.srcObject = stream;
  }, [stream]);
  return (
    <div className="video-tile">
      <video ref={ref} autoPlay playsInline muted={muted} data-testid={testId} />
      <div className="video-tile-label">
        <Space size={4}>
          {label}
          {state && state !== 'connected' && <Tag>{state}</Tag>}
        </Space>
      </div>
    </div>
  );
}

/**
 * The committee's audio/video room, for the evaluation room page to mount: this browser's camera
 * and each other member's, with mute and camera toggles. Officers see who is in the room, no media.
 * The room is the sitting's (the evaluation room's context): a review's committee meets in its own.
 */
export function VideoRoom({ sectionId }: { sectionId: string }) {
  const { t } = useTranslation();
  const [joined, setJoined] = useState(false);
  const [audioOn, setAudioOn] = useState(true);
  const [videoOn, setVideoOn] = useState(true);
  const sitting = useEvaluationSitting();
  const w = videoWords(sitting);
  const { room, local, mediaError, remotes, error, toggle } = useVideoRoom(sectionId, joined, sitting);
  const nameOf = (id: string) => room?.members.find((m) => m.id === id)?.name ?? '';
  const observer = room !== undefined && room.self === null;

  return (
    <Card
      title={t(`${w}.video.title`)}
      size="small"
      data-testid="video-room"
      extra={
        joined ? (
          <Space>
            {!observer && (
              <>
                <Button icon={audioOn ? <AudioOutlined /> : <AudioMutedOutlined />} onClick={() => { toggle('audio', !audioOn); setAudioOn(!audioOn); }}>
                  {t(audioOn ? 'evaluationVenues.video.mute' : 'evaluationVenues.video.unmute')}
                </Button>
                <Button icon={<VideoCameraOutlined />} onClick={() => { toggle('video', !videoOn); setVideoOn(!videoOn); }}>
                  {t(videoOn ? 'evaluationVenues.video.cameraOff' : 'evaluationVenues.video.cameraOn')}
                </Button>
              </>
            )}
            <Button danger onClick={() => setJoined(false)}>{t('evaluationVenues.video.leave')}</Button>
          </Space>
        ) : (
          <Button type="primary" icon={<VideoCameraOutlined />} onClick={() => setJoined(true)} data-testid="join-video">
            {t(`${w}.video.join`)}
          </Button>
        )
      }
    >
      <ProblemAlert error={error} />
      {mediaError && <Alert type="warning" showIcon message={t('evaluationVenues.video.noMedia', { message: mediaError })} style={{ marginBottom: 12 }} />}
      {observer && <Alert type="info" showIcon message={t(`${w}.video.observing`)} style={{ marginBottom: 12 }} />}
      {joined && room && (
        <Space wrap style={{ marginBottom: 12 }}>
          {room.members.map((m) => (
            <Badge key={m.id} status={m.present ? 'success' : 'default'} text={m.id === room.self ? `${m.name}（${t('evaluationVenues.video.me')}）` : m.name} />
          ))}
        </Space>
      )}
      {joined && !observer && (
        <Row gutter={[12, 12]}>
          <Col xs={24} sm={12} lg={8}>
            <VideoTile stream={local} label={t('evaluationVenues.video.me')} muted testId="local-video" />
          </Col>
          {remotes.map((r) => (
            <Col key={r.memberId} xs={24} sm={12} lg={8}>
              <VideoTile stream={r.stream} label={nameOf(r.memberId)} muted={false} testId="remote-video" state={r.state === 'connected' ? undefined : t('evaluationVenues.video.connecting')} />
            </Col>
          ))}
          {remotes.length === 0 && (
            <Col xs={24} sm={12} lg={16}>
              <Empty description={<Typography.Text type="secondary">{t(`${w}.video.waiting`)}</Typography.Text>} />
            </Col>
          )}
        </Row>
      )}
    </Card>
  );
}
