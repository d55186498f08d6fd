/** The demo's catalog: realistic tables, views, functions and resources for the three projects. */

export interface DemoColumn {
  name: string;
  type: string;
  comment?: string;
  label?: number;
}

export interface DemoObject {
  type: "TABLE" | "VIEW" | "FUNCTION" | "RESOURCE";
  name: string;
  description: string;
  creator: string;
  label?: number;
  definition?: string;
  columns?: DemoColumn[];
}

const SENSITIVE_PROFILE_COLUMNS: DemoColumn[] = [
  { name: "id", type: "BIGINT", comment: "user id" },
  { name: "id_card", type: "STRING", comment: "national identity card number", label: 3 },
  { name: "credit_card", type: "STRING", comment: "primary credit card number", label: 3 },
  { name: "mobile", type: "STRING", comment: "mobile phone number", label: 2 },
  { name: "user_addr", type: "STRING", comment: "home address", label: 2 },
  { name: "birthday", type: "DATE", comment: "date of birth", label: 2 },
];

const PROFILE_ATTRIBUTES = [
  "user_name",
  "nick_name",
  "gender",
  "email",
  "register_time",
  "register_channel",
  "last_login_time",
  "last_login_ip",
  "city",
  "province",
  "country",
  "zip_code",
  "occupation",
  "education",
  "income_band",
  "marital_status",
  "vip_level",
  "points_balance",
  "coupon_count",
  "preferred_language",
  "device_os",
  "device_model",
  "app_version",
  "push_enabled",
  "email_verified",
  "mobile_verified",
  "referrer_id",
  "first_order_time",
  "last_order_time",
  "order_count",
  "total_spent",
  "avg_order_value",
  "refund_count",
  "complaint_count",
  "favorite_category",
  "favorite_brand",
  "cart_items",
  "wishlist_items",
  "review_count",
  "avg_review_score",
  "newsletter_opt_in",
  "sms_opt_in",
  "risk_score",
  "fraud_flag",
  "account_status",
  "kyc_level",
  "preferred_payment",
  "shipping_default_city",
  "time_zone",
  "currency",
  "height_cm",
  "weight_kg",
  "blood_type",
  "hobby_tags",
  "pet_owner",
  "car_owner",
  "home_owner",
  "children_count",
  "student_flag",
  "employer",
  "job_title",
  "industry",
  "annual_leave_days",
  "linked_wechat",
  "linked_alipay",
  "linked_weibo",
  "membership_start",
  "membership_end",
  "churn_score",
  "ltv_score",
  "segment",
  "acquisition_cost",
  "campaign_id",
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "ab_group",
  "session_count_30d",
  "page_views_30d",
  "search_count_30d",
  "click_count_30d",
  "share_count_30d",
  "like_count_30d",
  "comment_count_30d",
  "follow_count",
  "follower_count",
  "blocked_flag",
  "support_tickets",
  "nps_score",
  "survey_count",
  "data_source",
  "etl_batch_id",
  "updated_at",
  "dt",
];

/** user_profile: the reference's example table, 100 columns with the sensitive ones labelled. */
export const USER_PROFILE_COLUMNS: DemoColumn[] = [
  ...SENSITIVE_PROFILE_COLUMNS,
  ...PROFILE_ATTRIBUTES.map((name) => ({
    name,
    type: name.endsWith("_time") || name === "updated_at" ? "DATETIME" : "STRING",
  })),
];

const cols = (spec: string): DemoColumn[] =>
  spec.split(",").map((pair) => {
    const [name, type] = pair.trim().split(" ");
    return { name: name!, type: type ?? "STRING" };
  });

export const WONDERLAND_OBJECTS: DemoObject[] = [
  {
    type: "TABLE",
    name: "user_profile",
    description: "One row per registered user.",
    creator: "alice",
    label: 1,
    columns: USER_PROFILE_COLUMNS,
  },
  {
    type: "TABLE",
    name: "sales_orders",
    description: "Orders placed on the storefront.",
    creator: "alice",
    columns: cols(
      "order_id BIGINT, user_id BIGINT, order_time DATETIME, amount DECIMAL, currency, status, region_id BIGINT, dt",
    ),
  },
  {
    type: "TABLE",
    name: "dim_region",
    description: "Regions and their hierarchy.",
    creator: "bob",
    columns: cols("region_id BIGINT, region_name, province, country"),
  },
  {
    type: "TABLE",
    name: "ods_click_log",
    description: "Raw click stream from the apps.",
    creator: "bob",
    columns: cols("event_id, user_id BIGINT, url, referer, user_agent, client_ip, event_time DATETIME, dt"),
  },
  {
    type: "TABLE",
    name: "t_app_events",
    description: "App events, cleaned.",
    creator: "bob",
    columns: cols("event_id, user_id BIGINT, event_name, event_time DATETIME, dt"),
  },
  {
    type: "TABLE",
    name: "t_app_users",
    description: "Daily active app users.",
    creator: "bob",
    columns: cols("user_id BIGINT, first_seen DATETIME, last_seen DATETIME, dt"),
  },
  {
    type: "VIEW",
    name: "v_user_summary",
    description: "Non-sensitive user attributes.",
    creator: "alice",
    definition: "SELECT id, gender, city, vip_level, register_time FROM user_profile",
    columns: cols("id BIGINT, gender, city, vip_level, register_time DATETIME"),
  },
  {
    type: "FUNCTION",
    name: "udf_mask_mobile",
    description: "Masks the middle digits of a mobile number.",
    creator: "bob",
    definition: "com.wonderland.udf.MaskMobile",
  },
  {
    type: "RESOURCE",
    name: "mask_udf.jar",
    description: "Jar with the masking UDFs.",
    creator: "bob",
    definition: "mask_udf.jar",
  },
];

export const WONDERLAND_DEV_OBJECTS: DemoObject[] = [
  {
    type: "TABLE",
    name: "user_profile_sample",
    description: "A 1% sample of user_profile for development.",
    creator: "alice",
    columns: cols("id BIGINT, gender, city, vip_level"),
  },
  {
    type: "TABLE",
    name: "tmp_experiment",
    description: "Scratch results of an A/B test.",
    creator: "alice",
    columns: cols("ab_group, metric, value DOUBLE, dt"),
  },
];

export const SECRETGARDEN_OBJECTS: DemoObject[] = [
  {
    type: "TABLE",
    name: "garden_plants",
    description: "Every plant in the garden.",
    creator: "sam",
    columns: cols("plant_id BIGINT, species, planted_on DATE, bed"),
  },
  {
    type: "TABLE",
    name: "visitor_log",
    description: "Who visited the garden and when.",
    creator: "sam",
    columns: cols("visitor_id BIGINT, name, phone, visited_at DATETIME"),
  },
];
