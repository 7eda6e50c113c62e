-- B-007: one invitation draw per section and round, even before it is performed. With a draft whose
-- draw was performed kept (it cannot be deleted), nobody can hold two draws of a round and keep the
-- result they like better.
CREATE UNIQUE INDEX invitation_draw_section_round ON tendering.invitation_draw (section_id, round);
