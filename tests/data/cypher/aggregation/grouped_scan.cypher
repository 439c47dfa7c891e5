MATCH ()-[r:T]->(b) WHERE b.n >= 1 AND r.w IS NOT NULL RETURN b.n AS n, count(*), count(r), count(b), sum(r.w) ORDER BY count(*) DESC, n LIMIT 1
