-- Special-category approval $1.
SELECT id, visitor_id, item_refs, reason, approved_by,
       (extract(epoch FROM approved_at) * 1000000)::bigint AS approved_us,
       (extract(epoch FROM valid_until) * 1000000)::bigint AS until_us
  FROM readingroom.special_approvals
 WHERE id = $1;
