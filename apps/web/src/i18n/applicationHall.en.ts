// English: the opening of prequalification applications. Same keys as applicationHall.zh-CN.ts (the type enforces it).
import type applicationHallZhCN from './applicationHall.zh-CN.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const applicationHallEn: Strings<typeof applicationHallZhCN> = {
  applicationHall: {
    title: 'Opening of prequalification applications',
    enter: 'Applications opening',
    stages: {
      waiting: 'Waiting',
      signIn: 'Sign-in',
      unsealing: 'Unsealing',
      readout: 'Shown',
      record: 'Record',
      closed: 'Closed',
      failed: 'Not opened',
    },
    countdown: { toDeadline: 'Until the application deadline (opening)' },
    deadline: 'Application deadline',
    readOnly: 'You are watching the opening of the applications read-only.',
    failure: {
      fewerThanThreeBids: 'Fewer than 3 applicants submitted a prequalification application: the applications are not opened and the section is tendered again',
      fewerThanThreeSignedIn: 'Fewer than 3 applicants signed in: the applications are not opened and the section is tendered again',
      fewerThanThreeApplications: 'Fewer than 3 applicants submitted a prequalification application: the applications are not opened and the section is tendered again',
    },
    failureAt: 'Established at {{time}}; the section will be tendered again.',
    notOpen: {
      title: 'The applications are opened at the application deadline',
      hint: 'Before the deadline nobody can learn who has submitted an application. At the deadline, the applicants who submitted one enter to sign in and unseal. This page refreshes by itself.',
      noDeadline: 'The section has no application deadline yet; the applications are opened at the deadline once it is set.',
    },
    mine: {
      title: 'My application',
      notSignedIn: 'Sign in first; you unseal once the tenderer starts unsealing.',
      waitUnsealing: 'Signed in. Wait for the tenderer to start unsealing.',
      unsealNow: 'Unsealing has started: unseal your application with your certificate key before the window closes.',
      unsealed: 'Your application is unsealed.',
      failed: 'Unsealing your application failed.',
    },
    actions: {
      startNote: '{{n}} of {{total}} applicants signed in. With fewer than 3 signed in, the applications are not opened and the section is tendered again. Unsealing then has {{minutes}} minutes.',
    },
    bidders: {
      title: 'Applicants',
      entity: 'Applicant',
      none: 'The applicants are shown after the application deadline',
    },
    unsealStatus: { sealed: 'Not yet opened', unsealed: 'Unsealed', failed: 'Unsealing failed', remedied: 'Opened by remedy' },
    outcome: {
      remedy: 'Handled by the prequalification document’s remedy',
      revoked: 'Application treated as revoked',
      withdrawn: 'Application treated as withdrawn',
    },
    failureCode: {
      keyMissing: 'Not every part’s key was sent',
      keyNotWrapped: 'A key was not wrapped to the opening key',
      keyDoesNotOpen: 'A key does not open its part',
      summaryMissing: 'The application has no summary',
      summaryNotInManifest: 'The summary is not in the signed manifest',
      summaryDoesNotOpen: 'The summary does not decrypt',
      summaryNotSigned: 'The decrypted summary is not the one the applicant signed',
      windowClosed: 'Not unsealed within the window',
      remedyDoesNotOpen: 'The custodians’ shares do not open it either',
    },
    unseal: {
      title: 'Unseal your application',
      lead: 'Choose the private key file of the certificate the application was sealed with. The key is used only in this browser: each file’s key is unwrapped here and sent wrapped to the platform’s opening key; neither your private key nor a bare content key is uploaded.',
      kit: 'Fetching the application’s sealed headers…',
      wrongKey: 'This is not the key the application was sealed with. Nothing was sent: choose the right key file.',
      localFailed: 'The application does not open with this key ({{reason}}). Nothing was sent.',
    },
    readout: {
      title: 'Unsealed applications',
      lead: 'Shown at {{time}}',
      entity: 'Applicant',
      notOpened: 'Applications that failed to unseal are not shown.',
      pending: 'The unsealing window has closed; the unsealed applications are being listed…',
      receivedAt: 'Received',
      files: 'Files',
      noFiles: 'No files',
    },
    record: {
      title: 'Record of the opening of prequalification applications',
      drawUp: 'Draw up the record',
      drawUpConfirm: 'Draw up the record of the applications’ opening? No objection can be raised afterwards; applicants then sign it.',
      drawUpHint: 'Once the applications are shown and every objection answered, the tenderer or agency draws up the record.',
      drawn: 'Record drawn up',
      content: 'What the record says (what applicants sign)',
      openedAt: 'Opened at',
      signatures: 'Applicants’ signatures',
      noSignature: 'No applicant has signed yet',
      publish: 'Publish the record',
      publishConfirm: 'Publish the record on the portal and push it to the public service platform? The opening closes. {{n}} of {{total}} applicants signed.',
      signTitle: 'Sign the record of the applications’ opening',
      signDone: 'Record signed',
    },
    remedy: {
      lead: 'The prequalification document lets the opening custodians open an application its applicant could not. These applications wait for the custodians’ shares; with enough shares the platform opens them, checks them against the signed application and shows them.',
      kit: 'Fetching the applications awaiting the remedy…',
    },
  },
};

export default applicationHallEn;
