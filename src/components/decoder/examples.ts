/**
 * Example pastes offered as buttons on the decoder page. They are shaped like what support
 * tickets really contain; the tokens and ids in them are made up.
 */

/** One example: the button's label and the text it puts into the textarea. */
export interface Example {
  readonly id: string;
  readonly label: string;
  readonly text: string;
}

export const EXAMPLES: readonly Example[] = [
  {
    id: 'msdk-10000',
    label: 'MSDK の応答（-10000 / -73）',
    text: '{"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}',
  },
  {
    id: 'wechat-40001',
    label: 'ウィーチャットの応答（40001）',
    text: '{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest, rid: 6650a1f3-1c2d3e4f-5a6b7c8d"}',
  },
  {
    id: 'log',
    label: 'ログの抜粋（複数行）',
    text: [
      '2024-05-13 10:21:07.114 WARN [msdk] /auth/verify_login openid=9F3A2C1B7E6D5F4A3B2C1D0E9F8A7B6C access_token=5C8E1A9F0B7D3E2C4A6F8B1D3E5A7C9E resp={"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}',
      '2024-05-13 10:21:07.482 WARN [msdk] /relation/qqfriends_detail resp={"ret":-303,"msg":"appid has no permission"}',
      '2024-05-13 10:21:08.005 WARN [msdk] /auth/check_token openid=oGZUI0egBJY1zhBYw2KhdUfwVJJE resp={"ret":-20000,"msg":"42001,access_token expired","err_type":3}',
      '2024-05-13 10:21:09.310 WARN [msdk] /share/qq resp={"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}',
      '2024-05-13 10:21:11.927 ERROR [msdk] /auth/verify_login resp=ret=-503&msg=frequency limit',
    ].join('\n'),
  },
  {
    id: 'unknown-2011',
    label: '未知のコード（ret=-2011）',
    text: 'ret=-2011&msg=internal error',
  },
];
