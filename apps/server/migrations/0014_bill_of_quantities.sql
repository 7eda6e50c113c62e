-- The bill of quantities (工程量清单) of a works tender document, imported through the bidhall-boq
-- interface spec (A-64, docs/boq-interface.md). Each import of a draft adds a version; the highest is
-- the document's bill. The original file stays in the blob store (by SM3); the normalised bill is kept
-- as its exact canonical JSON text, whose SM3 the package manifest carries (A-67).
CREATE TABLE documents.bill_of_quantities (
  document_id uuid NOT NULL REFERENCES documents.document (id),
  version integer NOT NULL CHECK (version >= 1),
  source_encoding text NOT NULL CHECK (source_encoding IN ('json', 'xml')),
  source_name text,
  source_sm3 text NOT NULL CHECK (source_sm3 ~ '^[0-9a-f]{64}$'),
  source_size bigint NOT NULL CHECK (source_size > 0),
  bill text NOT NULL,
  bill_sm3 text NOT NULL CHECK (bill_sm3 ~ '^[0-9a-f]{64}$'),
  unit_count integer NOT NULL CHECK (unit_count >= 1),
  division_count integer NOT NULL CHECK (division_count >= 1),
  item_count integer NOT NULL CHECK (item_count >= 1),
  unit_price_measure_count integer NOT NULL CHECK (unit_price_measure_count >= 0),
  lump_sum_measure_count integer NOT NULL CHECK (lump_sum_measure_count >= 0),
  other_item_count integer NOT NULL CHECK (other_item_count >= 0),
  fee_count integer NOT NULL CHECK (fee_count >= 0),
  tax_count integer NOT NULL CHECK (tax_count >= 0),
  provisional_sum_fen bigint NOT NULL CHECK (provisional_sum_fen >= 0),
  imported_by uuid NOT NULL,
  -- Who imported, as shown to the document's readers: the person and the organisation they act for.
  imported_by_name text NOT NULL,
  imported_at timestamptz NOT NULL,
  PRIMARY KEY (document_id, version)
);
