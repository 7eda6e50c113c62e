// English: the committee reads and compares the bids, price checks, red flags of collusion (decision 0028).
const evaluationCompareEn = {
  evaluationCompare: {
    files: {
      title: 'Bid files',
      preparing: 'The bids are still being decrypted; some files are not ready yet.',
      bidSummary: 'Bid summary',
      size: 'Size',
      part: 'Part',
      name: 'File',
      open: 'Open',
      download: 'Download',
      notReady: 'Decrypting',
      reading: 'Reading “{{name}}”',
      empty: 'No bid files to read',
    },
    table: {
      title: 'Comparison',
      bidder: 'Bidder',
      requirement: 'Required by the document',
      controlPrice: 'Control price',
      maxDuration: 'Longest duration',
      quality: 'Quality',
      bond: 'Bid bond',
      none: 'not set',
      versusControl: 'Against the control price',
      fromMean: 'From the mean',
      deviations: 'Deviations',
      noDeviation: 'None',
      statistics: 'Statistics',
      min: 'Lowest',
      max: 'Highest',
      mean: 'Mean',
      days: '{{n}} days',
      deviation: {
        missing: '{{field}} missing',
        aboveControl: 'Price above the control price',
        overDuration: 'Duration longer than required',
        belowQuality: 'Quality below the requirement',
        bondMissing: 'Bid bond not in order',
      },
    },
    flags: {
      title: 'Red flags of collusion',
      note: 'These are leads for the committee to weigh, not findings of collusion.',
      none: 'No abnormal bidding behaviour found',
      withoutFingerprint: '{{count}} bid(s) carry no preparation fingerprint and were not compared by device or file metadata.',
      bidders: 'Bidders',
      evidence: 'Evidence',
      kinds: {
        sharedDevice: 'Bids of different bidders prepared on one device',
        sharedFileMetadata: 'Files of different bidders share their metadata',
        identicalFile: 'Identical files in bids of different bidders',
        identicalPrice: 'Identical prices of different bidders',
        arithmeticPrices: 'Prices in arithmetic progression',
        closeSubmissions: 'Bids from one device submitted shortly after each other',
      },
      deviceHash: 'Device hash',
      fileMetaHash: 'File metadata hash',
      fileHash: 'File hash (SM3)',
      price: 'Price',
      step: 'Step',
      span: 'Submitted {{seconds}} s apart',
    },
  },
};

export const evaluationCompareProblemsEn = {
  EVALUATION_BID_FILE_NOT_FOUND: 'No such bid file',
  EVALUATION_COPY_NOT_READY: 'This file is still being decrypted; try again shortly',
  EVALUATION_COPY_TAMPERED: 'The evaluation copy of this file failed its integrity check and was not served; contact the trading centre at once',
};

export default evaluationCompareEn;
