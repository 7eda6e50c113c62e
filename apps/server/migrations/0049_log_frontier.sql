-- The log's frontier kept with its size (decision 0048): the nodes of the compact range of the tree
-- (one perfect subtree per set bit of the size, largest first, as [level, index, hex hash]) are all an
-- append needs to compute the new nodes. They are read with the lock on the size row, in one statement:
-- read from log_node instead, a submission that waited for the lock would look for nodes committed
-- after its statement began, and every round trip made under the lock delays every other submission.
ALTER TABLE platform.log_state ADD COLUMN frontier jsonb;
UPDATE platform.log_state s SET frontier = (
  SELECT coalesce(jsonb_agg(jsonb_build_array(n.level, n.node_index, encode(n.hash, 'hex')) ORDER BY n.level DESC), '[]'::jsonb)
  FROM generate_series(0, 62) l
  JOIN platform.log_node n ON n.level = l AND n.node_index = (s.tree_size >> l) - 1
  WHERE ((s.tree_size >> l) & 1) = 1
);
ALTER TABLE platform.log_state ALTER COLUMN frontier SET NOT NULL;
