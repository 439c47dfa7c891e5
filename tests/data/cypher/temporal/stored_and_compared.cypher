CREATE (e:Event {on: date('2015-07-21'), at: [time('10:00Z'), time('11:00+01:00')]}) WITH e MATCH (x:Event) WHERE x.on < date() RETURN x.on.year, x.at[0] = x.at[1], toString(x.on)
