"""The analyses that test an ecosystem against the charter, written once for both stores.

Pure functions over what the store returns, plus thin functions that take a Store and call its
counting primitives (docs/analyses.md explains every definition and number):

    overlap          who occupies the same (territory, SDG) cells; duplicates
    complementarity  who, co-present, brings what an actor or an alliance lacks
    coverage         the SDG x territory matrix of a territory, and the gaps policies leave open
    diagnosis        the 21 levers of the charter for one alliance (facts, principles, self_assessed)
    metrics          centrality, communities and brokers of the actor network
    lookup           the actor, alliance or territory a person means, by id or name
    thresholds       every threshold and weight, in one place
    codes            the kinds of findings the analyses return (ecosystem.finding.Finding)
    render           findings into sentences: render_fr and render_en write one clause per code
    wording          the French and English words the sentences are made of
    phrases          names in a list, a name with its kind, agreement
"""
