-- The concluded contract's archive (task 18, decision 0043): each signature keeps the certificate it was
-- made with, so that the archive checks offline even after the certificate is unbound or replaced.
ALTER TABLE contract.signature ADD COLUMN certificate_pem text;
