import { Card, Spin, Steps, Tabs } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LoginResponse, SessionUser } from '../../api/types.ts';
import { homePathFor } from '../../auth/homePath.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { LoginAside } from './LoginAside.tsx';
import { PasswordStep } from './PasswordStep.tsx';
import { TotpStep } from './TotpStep.tsx';

// Certificate login brings the crypto code: it loads when its tab is first opened.
const CertificateLogin = lazy(() => import('./CertificateLogin.tsx'));

type Method = 'password' | 'certificate';
type Stage = { kind: 'password' } | { kind: 'mfa' } | { kind: 'enrol'; enrolment: NonNullable<LoginResponse['enrolment']> };

/** Only same-site paths are followed after login. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

/**
 * Password, then (for platform staff, or users who turned it on) a TOTP code or authenticator
 * enrolment; or, on the second tab, a bound digital certificate (`?method=certificate` opens it).
 */
export default function LoginPage() {
  const { t } = useTranslation();
  const { setUser } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [stage, setStage] = useState<Stage>({ kind: 'password' });
  const [method, setMethod] = useState<Method>(params.get('method') === 'certificate' ? 'certificate' : 'password');

  const finish = (user: SessionUser) => {
    setUser(user);
    void navigate(safeNext(params.get('next')) ?? homePathFor(user), { replace: true });
  };
  const onLogin = (response: LoginResponse) => {
    if (response.stage === 'active' && response.user) finish(response.user);
    else if (response.stage === 'enrol' && response.enrolment) setStage({ kind: 'enrol', enrolment: response.enrolment });
    else setStage({ kind: 'mfa' });
  };

  return (
    <div className="login-page" data-testid="login-page">
      <div className="container login-inner">
        <LoginAside />
        <Card className="login-card" title={t('login.title')}>
          <Tabs
            className="login-tabs"
            activeKey={method}
            onChange={(key) => setMethod(key as Method)}
            items={[
              {
                key: 'password',
                label: <span data-testid="login-tab-password">{t('login.tabs.password')}</span>,
                children: (
                  <>
                    <Steps
                      size="small"
                      className="login-steps"
                      current={stage.kind === 'password' ? 0 : 1}
                      items={[{ title: t('login.stepPassword') }, { title: t('login.stepTotp') }]}
                    />
                    {stage.kind === 'password' ? (
                      <PasswordStep initialUsername={params.get('username') ?? ''} onDone={onLogin} />
                    ) : (
                      <TotpStep
                        enrolment={stage.kind === 'enrol' ? stage.enrolment : undefined}
                        onDone={finish}
                        onRestart={() => setStage({ kind: 'password' })}
                      />
                    )}
                  </>
                ),
              },
              {
                key: 'certificate',
                label: <span data-testid="login-tab-certificate">{t('login.tabs.certificate')}</span>,
                children: (
                  <Suspense fallback={<Spin className="tab-loading" />}>
                    <CertificateLogin onDone={onLogin} />
                  </Suspense>
                ),
              },
            ]}
          />
          <div className="login-footer">
            {t('login.noAccount')} <Link to="/register">{t('login.registerLink')}</Link>
          </div>
        </Card>
      </div>
    </div>
  );
}
