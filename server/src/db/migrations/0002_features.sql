CREATE TABLE "subscription_credits" (
	"citizen_id" uuid NOT NULL,
	"template_id" text NOT NULL,
	"remaining" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscription_credits_citizen_id_template_id_pk" PRIMARY KEY("citizen_id","template_id"),
	CONSTRAINT "subscription_credits_remaining" CHECK ("subscription_credits"."remaining" >= 0)
);
--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notification_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"template" text NOT NULL,
	"payload" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error_code" text,
	"last_error_message" text,
	"next_attempt_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_deliveries_notification_id_unique" UNIQUE("notification_id")
);
--> statement-breakpoint
CREATE TABLE "bundle_members" (
	"bundle_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"omit_materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "bundle_members_bundle_id_matter_id_pk" PRIMARY KEY("bundle_id","matter_id")
);
--> statement-breakpoint
CREATE TABLE "bundles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"audience" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bundles_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "prereview_number_counters" (
	"day" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prereviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"citizen_id" uuid NOT NULL,
	"client_key" uuid NOT NULL,
	"matter_id" uuid,
	"bundle_id" uuid,
	"number" text,
	"status" text NOT NULL,
	"round" integer DEFAULT 0 NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"delivery_mode" text,
	"delivery_address" text,
	"applicant_name" text,
	"applicant_id_number" text,
	"applicant_phone" text,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prereviews_number_unique" UNIQUE("number"),
	CONSTRAINT "prereviews_client_key" UNIQUE("citizen_id","client_key"),
	CONSTRAINT "prereviews_target" CHECK (("prereviews"."matter_id" IS NULL) <> ("prereviews"."bundle_id" IS NULL)),
	CONSTRAINT "prereviews_status" CHECK ("prereviews"."status" IN ('draft', 'submitted', 'returned', 'passed', 'refused', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "prereview_parts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prereview_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"status" text NOT NULL,
	"round" integer DEFAULT 0 NOT NULL,
	"pending_since" timestamp with time zone,
	"due_at" timestamp with time zone,
	"deadline_unpublished" boolean DEFAULT false NOT NULL,
	"claimed_by" uuid,
	"claim_expires_at" timestamp with time zone,
	"reply" text DEFAULT '' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"tolerance" jsonb,
	"case_id" uuid,
	"query_password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prereview_parts_matter" UNIQUE("prereview_id","matter_id"),
	CONSTRAINT "prereview_parts_status" CHECK ("prereview_parts"."status" IN ('waiting', 'pending', 'passed', 'tolerated', 'returned', 'refused'))
);
--> statement-breakpoint
CREATE TABLE "prereview_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prereview_id" uuid NOT NULL,
	"slot_key" uuid NOT NULL,
	"round" integer NOT NULL,
	"position" integer NOT NULL,
	"sha256" text NOT NULL,
	"mime_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replaced_at" timestamp with time zone,
	CONSTRAINT "prereview_files_bytes" CHECK ("prereview_files"."bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "prereview_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prereview_id" uuid NOT NULL,
	"part_id" uuid,
	"round" integer NOT NULL,
	"kind" text NOT NULL,
	"actor_kind" text NOT NULL,
	"staff_id" uuid,
	"slot_key" uuid,
	"comment" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prereview_verdicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"part_id" uuid NOT NULL,
	"slot_key" uuid NOT NULL,
	"round" integer NOT NULL,
	"verdict" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"staff_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prereview_verdicts_one" UNIQUE("part_id","slot_key","round"),
	CONSTRAINT "prereview_verdicts_verdict" CHECK ("prereview_verdicts"."verdict" IN ('pass', 'return'))
);
--> statement-breakpoint
CREATE TABLE "appointment_slot_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hall_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"weekday" integer NOT NULL,
	"start_time" text NOT NULL,
	"length_minutes" integer NOT NULL,
	"capacity" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_slot_templates_weekday" CHECK ("appointment_slot_templates"."weekday" BETWEEN 1 AND 7),
	CONSTRAINT "appointment_slot_templates_start" CHECK ("appointment_slot_templates"."start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
	CONSTRAINT "appointment_slot_templates_length" CHECK ("appointment_slot_templates"."length_minutes" BETWEEN 5 AND 240),
	CONSTRAINT "appointment_slot_templates_capacity" CHECK ("appointment_slot_templates"."capacity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "hall_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hall_id" uuid NOT NULL,
	"from_date" text NOT NULL,
	"to_date" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hall_closures_dates" CHECK ("hall_closures"."from_date" ~ '^\d{4}-\d{2}-\d{2}$' AND "hall_closures"."to_date" ~ '^\d{4}-\d{2}-\d{2}$' AND "hall_closures"."from_date" <= "hall_closures"."to_date")
);
--> statement-breakpoint
CREATE TABLE "appointment_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"hall_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"date" text NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	"open" boolean DEFAULT true NOT NULL,
	CONSTRAINT "appointment_slots_template_date" UNIQUE("template_id","date"),
	CONSTRAINT "appointment_slots_counts" CHECK ("appointment_slots"."booked" >= 0 AND "appointment_slots"."capacity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "appointment_queue_counters" (
	"hall_id" uuid NOT NULL,
	"day" text NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "appointment_queue_counters_hall_id_day_pk" PRIMARY KEY("hall_id","day")
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"citizen_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"hall_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"case_id" uuid,
	"prereview_id" uuid,
	"date" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"check_in_code" text NOT NULL,
	"queue_seq" integer,
	"queue_number" text,
	"checked_in_at" timestamp with time zone,
	"called_at" timestamp with time zone,
	"called_window" text,
	"served_at" timestamp with time zone,
	"no_show_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_kind" text,
	"cancel_reason" text,
	"rescheduled_to" uuid,
	"reminded_day_before_at" timestamp with time zone,
	"reminded_hour_before_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_check_in_code_unique" UNIQUE("check_in_code"),
	CONSTRAINT "appointments_status" CHECK ("appointments"."status" IN ('booked', 'cancelled', 'checkedIn', 'served', 'noShow')),
	CONSTRAINT "appointments_cancel_kind" CHECK ("appointments"."cancel_kind" IS NULL OR "appointments"."cancel_kind" IN ('citizen', 'rescheduled', 'closure'))
);
--> statement-breakpoint
CREATE TABLE "fee_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"notice_number" text NOT NULL,
	"client_key" text NOT NULL,
	"items" jsonb NOT NULL,
	"amount_fen" integer NOT NULL,
	"deadline" text NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'unpaid' NOT NULL,
	"pay_method" text,
	"out_trade_no" text,
	"transaction_id" text,
	"paid_at" timestamp with time zone,
	"cancel_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_orders_notice_number_unique" UNIQUE("notice_number"),
	CONSTRAINT "fee_orders_client_key_unique" UNIQUE("client_key"),
	CONSTRAINT "fee_orders_out_trade_no_unique" UNIQUE("out_trade_no"),
	CONSTRAINT "fee_orders_transaction_id_unique" UNIQUE("transaction_id"),
	CONSTRAINT "fee_orders_amount" CHECK ("fee_orders"."amount_fen" > 0),
	CONSTRAINT "fee_orders_status" CHECK ("fee_orders"."status" IN ('unpaid', 'paying', 'paid', 'expired', 'cancelled', 'refunding', 'refunded')),
	CONSTRAINT "fee_orders_pay_method" CHECK ("fee_orders"."pay_method" IS NULL OR "fee_orders"."pay_method" IN ('jsapi', 'h5', 'native')),
	CONSTRAINT "fee_orders_paid" CHECK ("fee_orders"."status" NOT IN ('paid', 'refunding', 'refunded') OR ("fee_orders"."out_trade_no" IS NOT NULL AND "fee_orders"."paid_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "payment_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fee_order_id" uuid NOT NULL,
	"citizen_id" uuid NOT NULL,
	"method" text NOT NULL,
	"out_trade_no" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"prepay_id" text,
	"h5_url" text,
	"code_url" text,
	"expires_at" timestamp with time zone NOT NULL,
	"transaction_id" text,
	"paid_at" timestamp with time zone,
	"checked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_attempts_out_trade_no_unique" UNIQUE("out_trade_no"),
	CONSTRAINT "payment_attempts_status" CHECK ("payment_attempts"."status" IN ('open', 'paid', 'closed')),
	CONSTRAINT "payment_attempts_method" CHECK ("payment_attempts"."method" IN ('jsapi', 'h5', 'native')),
	CONSTRAINT "payment_attempts_amount" CHECK ("payment_attempts"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "payment_refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fee_order_id" uuid NOT NULL,
	"out_trade_no" text NOT NULL,
	"out_refund_no" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"total_fen" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'processing' NOT NULL,
	"refund_id" text,
	"requested_by" uuid,
	"submitted_at" timestamp with time zone,
	"succeeded_at" timestamp with time zone,
	"checked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_refunds_out_refund_no_unique" UNIQUE("out_refund_no"),
	CONSTRAINT "payment_refunds_status" CHECK ("payment_refunds"."status" IN ('processing', 'success', 'closed', 'abnormal')),
	CONSTRAINT "payment_refunds_amount" CHECK ("payment_refunds"."amount_fen" > 0 AND "payment_refunds"."amount_fen" <= "payment_refunds"."total_fen")
);
--> statement-breakpoint
CREATE TABLE "payment_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notification_id" text NOT NULL,
	"event_type" text NOT NULL,
	"subject" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_notifications_notification_id_unique" UNIQUE("notification_id")
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_kind" text NOT NULL,
	"case_id" uuid,
	"appointment_id" uuid,
	"citizen_id" uuid,
	"department_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"window_number" text,
	"dimension" text NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"previous_rating_id" uuid,
	"level" text NOT NULL,
	"channel" text NOT NULL,
	"scores" jsonb,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"bad_status" text,
	"rectify_due_at" timestamp with time zone,
	"rectify_due_unpublished" boolean DEFAULT false NOT NULL,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"verify_note" text,
	"rectified_at" timestamp with time zone,
	"rectified_by" uuid,
	"rectify_measures" text,
	"reply_text" text,
	"rectified_on_time" boolean,
	"excluded" boolean DEFAULT false NOT NULL,
	CONSTRAINT "ratings_target" CHECK (("ratings"."target_kind" = 'case' AND "ratings"."case_id" IS NOT NULL) OR ("ratings"."target_kind" = 'visit' AND "ratings"."appointment_id" IS NOT NULL)),
	CONSTRAINT "ratings_round" CHECK ("ratings"."round" IN (1, 2)),
	CONSTRAINT "ratings_level" CHECK ("ratings"."level" IN ('verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'veryDissatisfied')),
	CONSTRAINT "ratings_bad_status" CHECK ("ratings"."bad_status" IS NULL OR "ratings"."bad_status" IN ('pending', 'verified', 'rectified', 'excluded'))
);
--> statement-breakpoint
CREATE TABLE "rating_appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rating_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"evidence" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rating_appeals_rating_id_unique" UNIQUE("rating_id"),
	CONSTRAINT "rating_appeals_status" CHECK ("rating_appeals"."status" IN ('pending', 'upheld', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "rating_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"rating_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"event" text NOT NULL,
	"actor_kind" text NOT NULL,
	"staff_id" uuid,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "matters" ADD COLUMN "form_fields" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "tolerance_materials" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "tolerance_promised_on" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "tolerance_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "tolerance_fulfilled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "subject_kind" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "subject_id" text;--> statement-breakpoint
ALTER TABLE "subscription_credits" ADD CONSTRAINT "subscription_credits_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundle_members" ADD CONSTRAINT "bundle_members_bundle_id_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."bundles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundle_members" ADD CONSTRAINT "bundle_members_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereviews" ADD CONSTRAINT "prereviews_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereviews" ADD CONSTRAINT "prereviews_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereviews" ADD CONSTRAINT "prereviews_bundle_id_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."bundles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_parts" ADD CONSTRAINT "prereview_parts_prereview_id_prereviews_id_fk" FOREIGN KEY ("prereview_id") REFERENCES "public"."prereviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_parts" ADD CONSTRAINT "prereview_parts_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_parts" ADD CONSTRAINT "prereview_parts_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_parts" ADD CONSTRAINT "prereview_parts_claimed_by_staff_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_parts" ADD CONSTRAINT "prereview_parts_decided_by_staff_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_parts" ADD CONSTRAINT "prereview_parts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_files" ADD CONSTRAINT "prereview_files_prereview_id_prereviews_id_fk" FOREIGN KEY ("prereview_id") REFERENCES "public"."prereviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_events" ADD CONSTRAINT "prereview_events_prereview_id_prereviews_id_fk" FOREIGN KEY ("prereview_id") REFERENCES "public"."prereviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_events" ADD CONSTRAINT "prereview_events_part_id_prereview_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."prereview_parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_events" ADD CONSTRAINT "prereview_events_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_verdicts" ADD CONSTRAINT "prereview_verdicts_part_id_prereview_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."prereview_parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_verdicts" ADD CONSTRAINT "prereview_verdicts_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slot_templates" ADD CONSTRAINT "appointment_slot_templates_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slot_templates" ADD CONSTRAINT "appointment_slot_templates_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slot_templates" ADD CONSTRAINT "appointment_slot_templates_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_closures" ADD CONSTRAINT "hall_closures_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_closures" ADD CONSTRAINT "hall_closures_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_template_id_appointment_slot_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."appointment_slot_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_queue_counters" ADD CONSTRAINT "appointment_queue_counters_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_slot_id_appointment_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."appointment_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_prereview_id_prereviews_id_fk" FOREIGN KEY ("prereview_id") REFERENCES "public"."prereviews"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_orders" ADD CONSTRAINT "fee_orders_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_orders" ADD CONSTRAINT "fee_orders_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_orders" ADD CONSTRAINT "fee_orders_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD CONSTRAINT "payment_attempts_fee_order_id_fee_orders_id_fk" FOREIGN KEY ("fee_order_id") REFERENCES "public"."fee_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD CONSTRAINT "payment_attempts_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_refunds" ADD CONSTRAINT "payment_refunds_fee_order_id_fee_orders_id_fk" FOREIGN KEY ("fee_order_id") REFERENCES "public"."fee_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_refunds" ADD CONSTRAINT "payment_refunds_requested_by_staff_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_verified_by_staff_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_rectified_by_staff_id_fk" FOREIGN KEY ("rectified_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_appeals" ADD CONSTRAINT "rating_appeals_rating_id_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."ratings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_appeals" ADD CONSTRAINT "rating_appeals_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_appeals" ADD CONSTRAINT "rating_appeals_decided_by_staff_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_events" ADD CONSTRAINT "rating_events_rating_id_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."ratings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_events" ADD CONSTRAINT "rating_events_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_deliveries_due" ON "notification_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "notification_deliveries_created" ON "notification_deliveries" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "bundle_members_matter" ON "bundle_members" USING btree ("matter_id");--> statement-breakpoint
CREATE INDEX "prereviews_citizen" ON "prereviews" USING btree ("citizen_id","updated_at");--> statement-breakpoint
CREATE INDEX "prereview_parts_queue" ON "prereview_parts" USING btree ("department_id","status","due_at");--> statement-breakpoint
CREATE INDEX "prereview_files_material" ON "prereview_files" USING btree ("prereview_id","slot_key");--> statement-breakpoint
CREATE INDEX "prereview_events_prereview" ON "prereview_events" USING btree ("prereview_id","at");--> statement-breakpoint
CREATE INDEX "appointment_slot_templates_matter" ON "appointment_slot_templates" USING btree ("matter_id","weekday");--> statement-breakpoint
CREATE INDEX "hall_closures_hall" ON "hall_closures" USING btree ("hall_id","to_date");--> statement-breakpoint
CREATE INDEX "appointment_slots_matter_date" ON "appointment_slots" USING btree ("matter_id","date");--> statement-breakpoint
CREATE INDEX "appointment_slots_hall_date" ON "appointment_slots" USING btree ("hall_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_one_per_day" ON "appointments" USING btree ("citizen_id","matter_id","date") WHERE "appointments"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "appointments_citizen" ON "appointments" USING btree ("citizen_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_slot" ON "appointments" USING btree ("slot_id");--> statement-breakpoint
CREATE INDEX "appointments_hall_day" ON "appointments" USING btree ("hall_id","date","status");--> statement-breakpoint
CREATE INDEX "appointments_due" ON "appointments" USING btree ("status","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_no_shows" ON "appointments" USING btree ("citizen_id","date") WHERE "appointments"."status" = 'noShow';--> statement-breakpoint
CREATE INDEX "fee_orders_case" ON "fee_orders" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "fee_orders_department" ON "fee_orders" USING btree ("department_id","status","created_at");--> statement-breakpoint
CREATE INDEX "fee_orders_pending" ON "fee_orders" USING btree ("status","deadline_at") WHERE "fee_orders"."status" IN ('unpaid', 'paying');--> statement-breakpoint
CREATE INDEX "payment_attempts_order" ON "payment_attempts" USING btree ("fee_order_id","status");--> statement-breakpoint
CREATE INDEX "payment_attempts_citizen" ON "payment_attempts" USING btree ("citizen_id","created_at");--> statement-breakpoint
CREATE INDEX "payment_attempts_open" ON "payment_attempts" USING btree ("expires_at") WHERE "payment_attempts"."status" = 'open';--> statement-breakpoint
CREATE INDEX "payment_refunds_order" ON "payment_refunds" USING btree ("fee_order_id");--> statement-breakpoint
CREATE INDEX "payment_refunds_pending" ON "payment_refunds" USING btree ("created_at") WHERE "payment_refunds"."status" = 'processing';--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_case_round" ON "ratings" USING btree ("case_id","round") WHERE "ratings"."target_kind" = 'case';--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_visit_round" ON "ratings" USING btree ("appointment_id","round") WHERE "ratings"."target_kind" = 'visit';--> statement-breakpoint
CREATE INDEX "ratings_citizen" ON "ratings" USING btree ("citizen_id","created_at");--> statement-breakpoint
CREATE INDEX "ratings_department" ON "ratings" USING btree ("department_id","created_at");--> statement-breakpoint
CREATE INDEX "ratings_bad_queue" ON "ratings" USING btree ("department_id","bad_status","rectify_due_at") WHERE "ratings"."bad_status" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "rating_events_rating" ON "rating_events" USING btree ("rating_id","at");