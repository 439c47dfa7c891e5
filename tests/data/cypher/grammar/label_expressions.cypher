CREATE (a:A {n: 1})-[:R {w: 2}]->(b:B {n: 2}), (a)-[:S]->(:A:B {n: 3}), (:C)
WITH 1 AS one
MATCH (x:A|B)-[r:!S]->(y IS %), (z:(A&!B)|C) WHERE x:A&B OR y IS !A AND [q IN [x] WHERE q:(A|B) | q.n] <> []
RETURN x.n, type(r), y.n, z:%, labels(z) ORDER BY x.n OFFSET 0 LIMIT 5
