import { useSession } from '../../auth/SessionContext.tsx';
import { EntityWorkspace } from './EntityWorkspace.tsx';
import { OfficialWorkspace } from './OfficialWorkspace.tsx';

/** The logged-in user's home: an entity's admission and data, or an official's shortcuts. */
export default function WorkspacePage() {
  const { user } = useSession();
  if (!user) return null;
  return user.kind === 'entity' ? <EntityWorkspace /> : <OfficialWorkspace user={user} />;
}
