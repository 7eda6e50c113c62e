-- B-007 (政府采购货物和服务招标投标管理办法 第14条): a government goods or services tender by invitation
-- invites at least 3 suppliers drawn at random among the qualified. The tenderer names the qualified,
-- each with its evidence; the list is fixed with the draw's commitment (trust.draw) before anything is
-- drawn. The public draw names opaque labels only: who was invited stays confidential (招标投标法 第22条).
CREATE TABLE tendering.invitation_draw (
  invitation_id uuid PRIMARY KEY REFERENCES tendering.invitation (id) ON DELETE CASCADE,
  draw_id uuid NOT NULL UNIQUE,
  section_id uuid NOT NULL,
  round integer NOT NULL CHECK (round > 0),
  source text NOT NULL CHECK (source IN ('prequalification', 'supplierDatabase', 'recommendation')),
  count integer NOT NULL CHECK (count >= 3),
  committed_at timestamptz NOT NULL,
  -- When the drawn invitees were written to tendering.invitee.
  drawn_at timestamptz
);

CREATE TABLE tendering.invitation_candidate (
  invitation_id uuid NOT NULL REFERENCES tendering.invitation_draw (invitation_id) ON DELETE CASCADE,
  entity_id uuid NOT NULL,
  -- The supplier's id in the draw's pool: random, unique within the draw.
  label text NOT NULL CHECK (label ~ '^[0-9a-f]{16}$'),
  name text NOT NULL,
  credit_code char(18) NOT NULL,
  region_code char(6) NOT NULL,
  evidence text NOT NULL CHECK (length(evidence) BETWEEN 1 AND 500),
  PRIMARY KEY (invitation_id, entity_id),
  UNIQUE (invitation_id, label)
);

-- One draw per section and round: taken before the draw is performed, so a tenderer who disliked a
-- result cannot draw again through another invitation. A drawn invitation cannot be deleted.
CREATE TABLE tendering.section_draw (
  section_id uuid NOT NULL,
  round integer NOT NULL,
  invitation_id uuid NOT NULL REFERENCES tendering.invitation (id),
  claimed_at timestamptz NOT NULL,
  PRIMARY KEY (section_id, round)
);
