UNWIND range(1, 6) AS i CREATE (:N {i: i})-[:T {w: i % 3}]->(:M {i: i * 2})
WITH 1 AS one
MATCH p = ANY SHORTEST (a:N WHERE a.i > 1)-[:T]-{1,3}(b WHERE b.i < 10)
OPTIONAL MATCH (b)<-[t WHERE t.w > 0]-(c)
RETURN length(p), count(c), [(a)-[s WHERE s.w = 1]->(d) | d.i] AS ds, EXISTS { (a)-->+(:M WHERE true) } AS e
