// What the evaluation venues page keeps in this browser for its workstation (decision 0027), read in the page.

/** This browser's device record as the page stored it, and whether its private key can leave WebCrypto (run in the page). */
export const READ_DEVICE = `new Promise((resolve, reject) => {
  const open = indexedDB.open('bidhall-workstation', 1);
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const req = open.result.transaction('device').objectStore('device').get('current');
    req.onerror = () => reject(req.error);
    req.onsuccess = async () => {
      const { keyPair, workstation } = req.result;
      let exported = 'exported';
      try { await crypto.subtle.exportKey('jwk', keyPair.privateKey); } catch (e) { exported = e.name; }
      resolve({ workstationId: workstation && workstation.id, algorithm: keyPair.privateKey.algorithm, extractable: keyPair.privateKey.extractable, exported });
    };
  };
})`;
