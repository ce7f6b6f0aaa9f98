-- Subscription terms, versioned with the prices: the discount on months bought up front (one for
-- terms of 1-11 months, one for whole years), the days of warning before a term ends and the days
-- an ended subscription is kept, stopped, before it is released. ECS's usual figures to start.
ALTER TABLE price_list
    ADD COLUMN month_discount_pct DECIMAL(5,2) NOT NULL DEFAULT 5.00,
    ADD COLUMN year_discount_pct  DECIMAL(5,2) NOT NULL DEFAULT 15.00,
    ADD COLUMN warning_days       INT          NOT NULL DEFAULT 7,
    ADD COLUMN grace_days         INT          NOT NULL DEFAULT 15,
    ADD CONSTRAINT ck_price_list_terms CHECK (month_discount_pct BETWEEN 0 AND 100 AND year_discount_pct BETWEEN 0 AND 100
        AND warning_days BETWEEN 1 AND 90 AND grace_days BETWEEN 0 AND 90);

-- A subscription's item names its flavor, disk and term: room for a long flavor name and all three.
ALTER TABLE rated_line MODIFY item VARCHAR(128) NOT NULL;
ALTER TABLE statement_line MODIFY item VARCHAR(128) NOT NULL;
