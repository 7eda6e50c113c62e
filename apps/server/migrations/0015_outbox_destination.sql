-- Outbox destinations (decision 0010). Besides the public service platform (公共服务平台), notices of
-- mandatory projects (依法必须招标) go to the national designated media (指定媒介, NDRC Order 10: 中国招标
-- 投标公共服务平台) with the identical canonical content (B-001, B-003, B-036, B-037). Each destination
-- gets its own message, so delivery, retries and staff retry work per destination.
ALTER TABLE exchange.outbox_message
  ADD COLUMN destination text NOT NULL DEFAULT 'publicService' CHECK (destination IN ('publicService', 'designatedMedia'));
-- Messages written before this migration all went to the public service platform; new ones name it.
ALTER TABLE exchange.outbox_message ALTER COLUMN destination DROP DEFAULT;
CREATE INDEX outbox_message_destination_idx ON exchange.outbox_message (destination, seq);

-- Each sandbox receiver keeps what it received apart, so the two can be compared.
ALTER TABLE exchange.sandbox_received
  ADD COLUMN receiver text NOT NULL DEFAULT 'publicService' CHECK (receiver IN ('publicService', 'designatedMedia'));
ALTER TABLE exchange.sandbox_received ALTER COLUMN receiver DROP DEFAULT;
ALTER TABLE exchange.sandbox_received DROP CONSTRAINT sandbox_received_message_id_key;
ALTER TABLE exchange.sandbox_received ADD CONSTRAINT sandbox_received_receiver_message_key UNIQUE (receiver, message_id);

-- The media a publication was sent to besides the portal, shown on its public page; disclosure keeps
-- its own record rather than reading exchange's tables (decision 0008).
ALTER TABLE disclosure.publication ADD COLUMN media jsonb NOT NULL DEFAULT '["publicService"]';
ALTER TABLE disclosure.publication ALTER COLUMN media DROP DEFAULT;
